namespace Breezeblock.Cli;

/// <summary>
/// Runs <c>breezeblock test</c>: one evaluation per matrix entry, in order, through one workspace (what
/// an entry's inputs do not change is reused), each giving a test case per check, per config's
/// snapshot, and for the evaluation itself when a config fails.
/// </summary>
internal sealed class TestRun(ConfigWorkspace workspace, ConfigOptions options, SnapshotStore snapshots)
{
    /// <summary>The inputs given on the command line, which every entry starts from.</summary>
    private readonly Dictionary<string, object?> _baseInputs = new(options.Inputs, StringComparer.Ordinal);

    /// <summary>Sets the inputs of <paramref name="entry"/>: the command line's, then the entry's.</summary>
    /// <exception cref="CommandException">An entry's input is also given with <c>--set</c>.</exception>
    public void Enter(MatrixEntry entry)
    {
        options.Inputs.Clear();
        foreach (var (name, value) in _baseInputs)
        {
            options.Inputs[name] = value;
        }
        foreach (var input in entry.Inputs)
        {
            if (_baseInputs.ContainsKey(input.Name))
            {
                throw new CommandException(CliMessages.MatrixInputAlsoSet(input.Name));
            }
            options.Inputs[input.Name] = input.Value;
        }
    }

    /// <summary>The test cases of one entry, in the order of the checks, then the snapshots.</summary>
    public List<TestCase> Run(MatrixEntry entry, IReadOnlyList<CheckProvenance> checks)
    {
        Enter(entry);
        var cases = new List<TestCase>();
        try
        {
            using var result = workspace.Evaluate();
            var passed = result.Report.ChecksPassed.ToHashSet(StringComparer.Ordinal);
            cases.AddRange(checks.Select(check => Case(entry, check, passed.Contains(check.Name) ? TestStatus.Passed : TestStatus.Skipped)));
            if (snapshots.Active)
            {
                cases.AddRange(snapshots.Compare(entry, result));
            }
        }
        catch (ConfigException failure)
        {
            var byCheck = failure.Errors.Where(e => e.Kind == ConfigErrorKind.CheckFailed && e.CheckName is not null).ToLookup(e => e.CheckName!);
            var others = failure.Errors.Where(e => e.Kind != ConfigErrorKind.CheckFailed).ToList();
            if (others.Count > 0)
            {
                cases.Add(new TestCase(entry, TestKind.Evaluation, CliMessages.EvaluationCase, TestStatus.Failed, others[0].Location?.DisplayPath, others[0].Location?.Line ?? 0)
                {
                    Message = others[0].Message,
                    Details = ErrorFormatter.Format(others, failure.Skipped),
                    Errors = others,
                    SkippedConfigs = failure.Skipped,
                });
            }
            var passed = failure.ChecksPassed.ToHashSet(StringComparer.Ordinal);
            foreach (var check in checks)
            {
                var errors = byCheck[check.Name].ToList();
                cases.Add(errors.Count > 0
                    ? Case(entry, check, TestStatus.Failed) with { Message = errors[0].Message, Details = ErrorFormatter.Format(errors), Errors = errors }
                    : Case(entry, check, passed.Contains(check.Name) ? TestStatus.Passed : TestStatus.Skipped) with
                    {
                        Message = passed.Contains(check.Name) ? null : CliMessages.CheckNotRun,
                    });
            }
        }
        return cases;
    }

    private static TestCase Case(MatrixEntry entry, CheckProvenance check, TestStatus status) =>
        new(entry, TestKind.Check, check.Name, status, check.Location.DisplayPath, check.Location.Line);
}
