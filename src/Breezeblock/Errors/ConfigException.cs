namespace Breezeblock;

/// <summary>
/// The configuration has errors. <see cref="Exception.Message"/> is the text the CLI prints; the
/// structured errors are in <see cref="Errors"/>: all load-time errors are reported together, and so
/// are all configs that failed while running (configs that needed a failed one are in <see cref="Skipped"/>).
/// </summary>
public sealed class ConfigException : Exception
{
    internal ConfigException(IReadOnlyList<ConfigError> errors, IReadOnlyList<string>? skipped = null)
        : base(ErrorFormatter.Format(errors, skipped ?? []), errors.Select(e => (Exception?)e.PythonException).FirstOrDefault(e => e is not null))
    {
        Errors = errors;
        Skipped = skipped ?? [];
    }

    internal ConfigException(ConfigError error)
        : this([error])
    {
    }

    /// <summary>Every error found, in the order of their files and lines.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    /// <summary>Configs that did not run because a config they need failed, in evaluation order.</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>The checks that ran and passed before the evaluation failed (empty when it failed before running anything).</summary>
    public IReadOnlyList<string> ChecksPassed { get; internal init; } = [];

    /// <summary>Checks that did not run because a config they need failed or did not run, in definition order.</summary>
    public IReadOnlyList<string> SkippedChecks { get; internal init; } = [];

    /// <summary>The kind of the first error.</summary>
    public ConfigErrorKind Kind => Errors[0].Kind;

    /// <summary>The location of the first error.</summary>
    public SourceLocation? Location => Errors[0].Location;

    /// <summary>The errors and the skipped configs as one JSON object, as a worker process sends them.</summary>
    public string ToJson(bool indented = false) => JsonOutput.Write(ErrorData.ToData(this), indented);

    /// <summary>Rebuilds the exception from <see cref="ToJson"/>: same errors, same message.</summary>
    /// <exception cref="FormatException">The text is not an exception's JSON.</exception>
    public static ConfigException FromJson(string json) => ErrorData.Exception(PlainJson.Parse(json, "errors"));
}
