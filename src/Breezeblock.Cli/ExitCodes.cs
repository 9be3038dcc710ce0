namespace Breezeblock.Cli;

/// <summary>The exit codes scripts can rely on.</summary>
internal static class ExitCodes
{
    /// <summary>Success (for <c>plan</c>: nothing changed).</summary>
    public const int Success = 0;

    /// <summary>The configuration has an error (loading, graph or evaluation).</summary>
    public const int ConfigError = 1;

    /// <summary>The command line is wrong (an unknown target, an input no config uses), the folder is missing, or no Python was found.</summary>
    public const int UsageError = 2;

    /// <summary><c>plan</c>: the configuration evaluates to something other than the previous output.</summary>
    public const int Changed = 3;
}
