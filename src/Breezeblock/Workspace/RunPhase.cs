using System.Diagnostics;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The last phase of a pass: run, in dependency order, the configs whose kept results are no longer
/// valid (all, or the targets and what they need), then the checks over them (<see cref="CheckRunner"/>:
/// a failing check fails the pass like a failing config), and make the result: values, report,
/// provenance and warnings. A hermetic pass that config code tried to break fails here, caught or not.
/// </summary>
internal sealed class RunPhase(WorkspaceState state)
{
    private readonly PythonRuntime _runtime = state.Runtime;

    public ConfigResult Run(CheckedConfigs checkedConfigs, List<ConfigNode>? targetNodes, PassScope scope, PyObject threadsBefore, int revision, long started)
    {
        var (loaded, graph, _, warnings) = checkedConfigs;
        var folder = loaded.Folder;
        var loading = Stopwatch.GetElapsedTime(started);
        var context = new EvaluationContext(state.Finder!, ValuesModule.Get(_runtime), state.Results, state.Inputs, state.Modules, loaded.Functions, graph.Nodes.Count,
            loaded.Digests, folder, state.HostModules?.FreezeFunction, revision, scope, state.Options.ConfigStarting);
        var checks = graph.ChecksFor(targetNodes is null ? null : graph.Closure(targetNodes));
        var order = state.Graph.EvaluationOrder(graph, targetNodes is null ? null : WithWhatChecksNeed(targetNodes, checks));
        using var outcome = new Evaluator(context).Run(order);
        var checkOutcome = new CheckRunner(context).Run(checks, order, outcome);
        if (outcome.Errors.Count > 0 || checkOutcome.Errors.Count > 0)
        {
            throw new ConfigException([.. outcome.Errors, .. checkOutcome.Errors], outcome.Skipped) { SkippedChecks = checkOutcome.Skipped, ChecksPassed = checkOutcome.Passed };
        }
        var changed = order.Where(n => outcome.Revision(n) == revision).Select(n => n.Name).ToList(); // a value's revision is the pass it last changed in
        var report = new EvaluationReport(outcome.Ran, outcome.Reused, outcome.Replaced, changed, loaded.Record.Executed, loaded.Plan.Removed,
            EvaluationReport.DurationsOf(outcome.Ran, outcome.RanTicks), loading, Stopwatch.GetElapsedTime(started)) { ChecksPassed = checkOutcome.Passed };
        if (scope.StopHermetic() is { Count: > 0 } attempts)
        {
            throw new ConfigException(attempts.Select(a => HermeticError(a, folder)).ToList()); // caught by the code, still a violation
        }
        var reported = targetNodes is null ? graph.Nodes.Select(n => n.Name).ToList() // already in definition order
            : targetNodes.OrderBy(n => n.Function.Order).Select(n => n.Name).ToList();
        warnings = [.. warnings, .. ThreadsLeftRunning(threadsBefore, folder)];
        return NewResult(reported, outcome, graph, loaded.Shapes, report, warnings);
    }

    // The targets and whatever the checks that run with them need: a check sees real values, never a config left out.
    private static List<ConfigNode> WithWhatChecksNeed(List<ConfigNode> targets, IReadOnlyList<ConfigNode> checks)
    {
        if (checks.Count == 0)
        {
            return targets;
        }
        var all = new HashSet<ConfigNode>(targets);
        foreach (var check in checks)
        {
            foreach (var need in check.Needs)
            {
                all.Add(need);
            }
        }
        return [.. all];
    }

    private static ConfigError HermeticError((string Message, string? File, int Line) attempt, SourceFolder folder) =>
        new(ConfigErrorKind.HermeticViolation, attempt.Message, attempt.File is null ? null : folder.Locate(attempt.File, attempt.Line)) { Hint = Messages.HermeticHint };

    // Threads config code started and left running: they go on in the host, so the result says so.
    private IEnumerable<ConfigError> ThreadsLeftRunning(PyObject before, SourceFolder folder) =>
        ProcessGuards.LeftRunning(before, state.Root).Select(thread =>
            new ConfigError(ConfigErrorKind.ThreadLeftRunning, Messages.ThreadLeftRunning(thread.Name), thread.File is null ? null : folder.Locate(thread.File, thread.Line))
            {
                Hint = Messages.ThreadLeftRunningHint,
            });

    private ConfigResult NewResult(List<string> reported, EvaluationOutcome outcome, ConfigGraph graph, IReadOnlyList<ConfigFunction> functions, EvaluationReport report, IReadOnlyList<ConfigError> warnings)
    {
        var values = outcome.TakeValues();
        return new ConfigResult(reported, new PythonValues(_runtime, values, state.HostModules?.Renderer), null, () => ProvenanceReader.Read(graph, functions), report, warnings,
            name => graph.Find(name)?.Function.Location);
    }
}
