using System.Text;

namespace Breezeblock;

/// <summary>
/// The one place that turns errors into text, for the CLI's stderr and for
/// <c>ConfigException.Message</c> alike:
/// <code>
/// error: app.py:7: config 'web' needs 'databse', which is not a config, an input or a parameter default
///   hint: did you mean 'database'? (the config at db.py:3)
/// </code>
/// </summary>
public static class ErrorFormatter
{
    /// <summary>Every error, each starting with <c>error: </c>.</summary>
    public static string Format(IEnumerable<ConfigError> errors) => Format(errors, []);

    /// <summary>Every error, then one note naming the configs that did not run because of them.</summary>
    public static string Format(IEnumerable<ConfigError> errors, IReadOnlyCollection<string> skipped)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        var text = string.Join('\n', errors.Select(Format));
        return skipped.Count == 0 ? text : text + "\n" + Messages.Skipped(skipped);
    }

    /// <summary>The note under a failed evaluation naming the configs that did not run because a config they need failed.</summary>
    public static string SkippedNote(IReadOnlyCollection<string> skipped) => Messages.Skipped(skipped);

    /// <summary>One error: <c>error: LOCATION: MESSAGE</c>, its details indented, then its hint.</summary>
    public static string Format(ConfigError error) => Format(error, "error: ");

    /// <summary>A problem that did not stop the evaluation (<see cref="ConfigResult.Warnings"/>), starting with <c>warning: </c>.</summary>
    public static string FormatWarning(ConfigError warning) => Format(warning, "warning: ");

    private static string Format(ConfigError error, string prefix)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = new StringBuilder(prefix);
        if (error.Location is { } location)
        {
            text.Append(location).Append(": ");
        }
        text.Append(error.Message);
        foreach (var detail in error.Details)
        {
            text.Append("\n  ").Append(detail);
        }
        if (error.Hint is { } hint)
        {
            text.Append("\n  hint: ").Append(hint);
        }
        return text.ToString();
    }
}
