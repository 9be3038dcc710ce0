using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// One problem in a configuration, with where it is and what to do about it. Its texts never hold a
/// secret: placeholders and secrets' values in them are <c>(secret)</c>.
/// </summary>
public sealed class ConfigError
{
    internal ConfigError(ConfigErrorKind kind, string message, SourceLocation? location)
    {
        Kind = kind;
        Message = SecretText.Redact.Apply(message);
        Location = location;
    }

    /// <summary>What went wrong.</summary>
    public ConfigErrorKind Kind { get; }

    /// <summary>The headline, without the location.</summary>
    public string Message { get; }

    /// <summary>An error, or a warning (a problem that did not stop the evaluation).</summary>
    public ConfigErrorSeverity Severity { get; internal init; }

    /// <summary>The user's file and line this error is about.</summary>
    public SourceLocation? Location { get; }

    /// <summary>The config the error concerns, when there is one (for a failing <c>@check(each=...)</c>, the config whose value failed).</summary>
    public string? ConfigName { get; internal init; }

    /// <summary>The check the error concerns, when there is one: a failing check, or one that cannot be wired.</summary>
    public string? CheckName { get; internal init; }

    /// <summary>Lines shown under the headline: source with a caret, or the traceback through the user's files.</summary>
    public IReadOnlyList<string> Details { get; internal init => field = Redacted(value); } = [];

    /// <summary>The traceback through the user's files, most recent call first (empty when the error is not an exception).</summary>
    public IReadOnlyList<ErrorFrame> Frames
    {
        get;
        internal init => field = SecretTable.Count == 0 ? value : value.Select(f => f.SourceLine is null ? f : f with { SourceLine = SecretText.Redact.Apply(f.SourceLine) }).ToList();
    } = [];

    /// <summary>The parameter of the function the error is about (a missing dependency, <c>*args</c>, a type that does not fit), which <see cref="Location"/> points at.</summary>
    public string? Parameter { get; internal init; }

    /// <summary>The input the error is about: one no config uses.</summary>
    public string? Input { get; internal init; }

    /// <summary>The name probably meant, when the error is about a name that resolves to nothing (what the hint's "did you mean" names).</summary>
    public string? Suggestion { get; internal init; }

    /// <summary>This error, pointing at <paramref name="location"/> instead.</summary>
    internal ConfigError At(SourceLocation location) => Copy(location, Hint);

    /// <summary>This error with another hint.</summary>
    internal ConfigError WithHint(string hint) => Copy(Location, hint);

    /// <summary>This problem as a warning: what <see cref="ConfigResult.Warnings"/> and <see cref="ConfigCheck.Warnings"/> hold.</summary>
    internal ConfigError AsWarning() => Severity == ConfigErrorSeverity.Warning ? this : Copy(Location, Hint, severity: ConfigErrorSeverity.Warning);

    /// <summary>This error with other lines under its headline.</summary>
    internal ConfigError WithDetails(IReadOnlyList<string> details) => Copy(Location, Hint, details);

    private ConfigError Copy(SourceLocation? location, string? hint, IReadOnlyList<string>? details = null, ConfigErrorSeverity? severity = null) => new(Kind, Message, location)
    {
        Severity = severity ?? Severity,
        ConfigName = ConfigName,
        CheckName = CheckName,
        Details = details ?? Details,
        Frames = Frames,
        Hint = hint,
        PythonException = PythonException,
        Parameter = Parameter,
        Suggestion = Suggestion,
        Input = Input,
    };

    /// <summary>What to do, when there is a suggestion.</summary>
    public string? Hint { get; internal init => field = value is null ? null : SecretText.Redact.Apply(value); }

    /// <summary>The Python exception behind the error, when there is one (null for an error rebuilt from JSON).</summary>
    public PythonException? PythonException { get; internal init; }

    private static IReadOnlyList<string> Redacted(IReadOnlyList<string> lines) =>
        SecretTable.Count == 0 ? lines : lines.Select(SecretText.Redact.Apply).ToList();

    /// <summary>The error (or warning) as the CLI prints it.</summary>
    public override string ToString() => Severity == ConfigErrorSeverity.Warning ? ErrorFormatter.FormatWarning(this) : ErrorFormatter.Format(this);

    /// <summary>The error as one JSON object: kind, severity, message, location, config, hint, details, frames.</summary>
    public string ToJson(bool indented = false) => JsonOutput.Write(ErrorData.ToData(this), indented);

    /// <summary>Rebuilds an error from <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">The text is not an error's JSON.</exception>
    public static ConfigError FromJson(string json) => ErrorData.Error(PlainJson.Parse(json, "error"));
}

/// <summary>One frame of a traceback through the user's files.</summary>
/// <param name="Location">The file and line.</param>
/// <param name="Function">The function running there, or <c>&lt;module&gt;</c>.</param>
/// <param name="SourceLine">The source line, stripped, when it could be read.</param>
public sealed record ErrorFrame(SourceLocation Location, string Function, string? SourceLine)
{
    /// <summary>1-based column where the failing expression starts on the line; 0 when unknown (Python before 3.11 does not say).</summary>
    public int Column { get; init; }

    /// <summary>1-based column just past the failing expression; 0 when unknown.</summary>
    public int EndColumn { get; init; }

    /// <summary>How many more times this same frame follows it, collapsed (a recursion); 0 for none.</summary>
    public int Repeated { get; init; }
}
