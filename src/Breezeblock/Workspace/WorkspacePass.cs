using System.Diagnostics;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// One evaluation (or check) of a workspace, with the GIL and the evaluation lock held, in its
/// phases: load (<see cref="LoadPhase"/>: the folder, the modules that changed, what they registered),
/// check (<see cref="CheckPhase"/>: the graph, the inputs, every problem, no config code run) and run
/// (<see cref="RunPhase"/>). The workspace keeps each phase's output. Its modules are in sys.modules
/// only for the duration; everything else the pass changed in the interpreter is put back.
/// </summary>
internal sealed class WorkspacePass(WorkspaceState state, EvaluationLock.Lease lease)
{
    private readonly PythonRuntime _runtime = state.Runtime;
    private readonly ConfigOptions _options = state.Options;

    /// <summary>Loads and checks, then runs the configs (all, or the targets and what they need).</summary>
    public ConfigResult Run(IReadOnlyCollection<string>? targets, EvaluationStop stop) => Pass(stop, (checkedConfigs, scope, threadsBefore, revision, started) =>
    {
        var (errors, targetNodes) = CheckPhase.ForRun(checkedConfigs, targets);
        if (errors.Count > 0)
        {
            throw new ConfigException(errors);
        }
        var result = new RunPhase(state).Run(checkedConfigs, targetNodes, scope, threadsBefore, revision, started);
        state.Keep(result.Share());
        return result;
    }, targets);

    /// <summary>Loads what changed and checks the graph and inputs, without running a configure function.</summary>
    public ConfigCheck Check(IReadOnlyCollection<string>? targets, EvaluationStop stop, bool schemas = false) =>
        Pass(stop, (checkedConfigs, _, _, _, started) =>
        {
            var report = CheckPhase.Report(checkedConfigs, targets, Stopwatch.GetElapsedTime(started));
            return schemas ? ConfigSchemas.With(report, checkedConfigs, _runtime) : report;
        }, targets);

    private delegate T Finish<T>(CheckedConfigs checkedConfigs, PassScope scope, PyObject threadsBefore, int revision, long started);

    private T Pass<T>(EvaluationStop stop, Finish<T> finish, IReadOnlyCollection<string>? targets)
    {
        var started = Stopwatch.GetTimestamp();
        if (state.MustReload)
        {
            state.ForgetModules(); // the last pass was stopped halfway through loading
        }
        var revision = ++state.Revision;
        var folder = state.Listing = SourceFolder.Discover(state.Root, state.DisplayPath, state.Listing, state.Options.Limits.MaxFileBytes, state.Options.IncludeTests, state.Unsaved.Snapshot); // reads only what changed since the last
        var breezeblock = BreezeblockModule.Get(_runtime);
        var finder = state.Finder ??= new FolderFinder(LoaderModule.Get(_runtime), folder.Root, _options.BytecodeCacheDirectory);
        using var sys = _runtime.Import("sys");
        using var sysModules = sys.GetAttr("modules");
        using var scope = new PassScope(state, breezeblock, finder, sysModules, new Interruption(stop)) { Lease = lease };
        state.ActivePass = scope;
        try
        {
            using var threadsBefore = ProcessGuards.ThreadsNow();
            var loaded = state.Loaded = new LoadPhase(state).Run(folder, scope, () =>
            {
                scope.Enter(folder);
                ValuesModule.Get(_runtime).ForgetOwners();
            });
            folder.ForgetUnexecuted();
            var checkedConfigs = state.Checked = new CheckPhase(state).Run(loaded, targets, revision);
            return finish(checkedConfigs, scope, threadsBefore, revision, started);
        }
        finally
        {
            state.ActivePass = null;
            state.MustReload |= scope.StoppedWhileLoading;
        }
    }
}
