namespace Breezeblock;

/// <summary>
/// The configuration has errors. <see cref="Exception.Message"/> is the text the CLI prints; the
/// structured errors are in <see cref="Errors"/> (all load-time errors are reported together).
/// </summary>
public sealed class ConfigException : Exception
{
    internal ConfigException(IReadOnlyList<ConfigError> errors)
        : base(ErrorFormatter.Format(errors), errors.Select(e => (Exception?)e.PythonException).FirstOrDefault(e => e is not null))
    {
        Errors = errors;
    }

    internal ConfigException(ConfigError error)
        : this([error])
    {
    }

    /// <summary>Every error found, in the order of their files and lines.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    /// <summary>The kind of the first error.</summary>
    public ConfigErrorKind Kind => Errors[0].Kind;

    /// <summary>The location of the first error.</summary>
    public SourceLocation? Location => Errors[0].Location;
}
