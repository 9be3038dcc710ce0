namespace Breezeblock.Cli;

/// <summary>How a test case of <c>breezeblock test</c> ended.</summary>
internal enum TestStatus
{
    Passed,
    Failed,

    /// <summary>Could not run: a config it needs failed, or (a snapshot) there is none recorded yet.</summary>
    Skipped,

    /// <summary>A snapshot recorded by <c>--update-snapshots</c>.</summary>
    Written,
}

/// <summary>What a test case is: a check, a config's snapshot, or the evaluation itself (which fails when a config does).</summary>
internal enum TestKind
{
    Check,
    Snapshot,
    Evaluation,
}

/// <summary>
/// One test case of one matrix entry: a check, a snapshot, or the evaluation; with where it is, and
/// for a failure the headline and the text under it.
/// </summary>
internal sealed record TestCase(MatrixEntry Entry, TestKind Kind, string Name, TestStatus Status, string? File = null, int Line = 0)
{
    public string? Message { get; init; }

    public string? Details { get; init; }

    /// <summary>For the evaluation's case: the configs that did not run because one they need failed.</summary>
    public IReadOnlyList<string> SkippedConfigs { get; init; } = [];

    /// <summary>The errors behind a failure, to report as the error format asks.</summary>
    public IReadOnlyList<ConfigError> Errors { get; init; } = [];
}
