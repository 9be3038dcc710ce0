using Breezeblock.Python;

namespace Breezeblock;

/// <summary>One problem in a configuration, with where it is and what to do about it.</summary>
public sealed class ConfigError
{
    internal ConfigError(ConfigErrorKind kind, string message, SourceLocation? location)
    {
        Kind = kind;
        Message = message;
        Location = location;
    }

    /// <summary>What went wrong.</summary>
    public ConfigErrorKind Kind { get; }

    /// <summary>The headline, without the location.</summary>
    public string Message { get; }

    /// <summary>The user's file and line this error is about.</summary>
    public SourceLocation? Location { get; }

    /// <summary>The config the error concerns, when there is one.</summary>
    public string? ConfigName { get; internal init; }

    /// <summary>Lines shown under the headline: source with a caret, or the traceback through the user's files.</summary>
    public IReadOnlyList<string> Details { get; internal init; } = [];

    /// <summary>What to do, when there is a suggestion.</summary>
    public string? Hint { get; internal init; }

    /// <summary>The Python exception behind the error, when there is one.</summary>
    public PythonException? PythonException { get; internal init; }

    /// <summary>The error as the CLI prints it.</summary>
    public override string ToString() => ErrorFormatter.Format(this);
}
