namespace Breezeblock.Cli;

/// <summary>The exit codes scripts can rely on.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>The configuration has an error (loading, graph or evaluation).</summary>
    public const int ConfigError = 1;

    /// <summary>The command line is wrong (an unknown target, an input no config uses), the folder is missing, or no Python was found.</summary>
    public const int UsageError = 2;
}
