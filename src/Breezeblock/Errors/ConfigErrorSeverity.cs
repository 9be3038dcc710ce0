namespace Breezeblock;

/// <summary>Whether a problem stops an evaluation.</summary>
public enum ConfigErrorSeverity
{
    /// <summary>It does: the evaluation fails (<see cref="ConfigException.Errors"/>, <see cref="ConfigCheck.Errors"/>).</summary>
    Error,

    /// <summary>It does not (<see cref="ConfigResult.Warnings"/>, <see cref="ConfigCheck.Warnings"/>).</summary>
    Warning,
}
