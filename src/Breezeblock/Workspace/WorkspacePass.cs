using System.Diagnostics;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// One evaluation of a workspace, with the GIL and the evaluation lock held: read the folder, run
/// again the modules that changed, read what they registered, build and check the graph, convert the
/// inputs, and run the configs whose kept results are no longer valid. The workspace's modules are in
/// sys.modules only for the duration; everything else it changed in the interpreter is put back.
/// </summary>
internal sealed class WorkspacePass(WorkspaceState state, EvaluationLock.Lease lease)
{
    private readonly PythonRuntime _runtime = state.Runtime;
    private readonly ConfigOptions _options = state.Options;

    public ConfigResult Run(IReadOnlyCollection<string>? targets, EvaluationStop stop) =>
        Pass(targets, run: true, stop).Result!;

    /// <summary>Loads what changed and checks the graph and inputs, without running a configure function.</summary>
    public ConfigCheck Check(IReadOnlyCollection<string>? targets, EvaluationStop stop) =>
        Pass(targets, run: false, stop).Check!;

    private (ConfigResult? Result, ConfigCheck? Check) Pass(IReadOnlyCollection<string>? targets, bool run, EvaluationStop stop)
    {
        var started = Stopwatch.GetTimestamp();
        if (state.MustReload)
        {
            state.ForgetModules(); // the last pass was stopped halfway through loading
        }
        var revision = ++state.Revision;
        var folder = SourceFolder.Discover(state.Root, state.DisplayPath);
        var breezeblock = BreezeblockModule.Get(_runtime);
        var loader = LoaderModule.Get(_runtime);
        var values = ValuesModule.Get(_runtime);
        var finder = state.Finder ??= new FolderFinder(loader, folder.Root, _options.BytecodeCacheDirectory);
        var hostFreeze = state.HostModules?.FreezeFunction;
        using var sys = _runtime.Import("sys");
        using var sysModules = sys.GetAttr("modules");
        using var scope = new PassScope(state, breezeblock, finder, sysModules, new Interruption(stop)) { Lease = lease };
        state.ActivePass = scope;
        try
        {
            using var threadsBefore = ProcessGuards.ThreadsNow();
            var errors = new List<ConfigError>(folder.ReadErrors);
            var taken = TakenNames(loader, folder, errors);
            scope.Enter(_options.RedirectPrintToStandardError, folder);
            values.ForgetOwners();

            var (record, plan, digests) = LoadChanges(loader, finder, folder, taken, errors, scope);
            var functions = state.Modules.Registrations;
            var shapes = functions.Select(f => f.Function).ToList();
            var unavailable = Unavailable(record, folder, taken, shapes, errors);
            var (graph, unused) = CheckedGraph(shapes, errors, unavailable);
            if (_options.StrictInputs)
            {
                errors.AddRange(unused);
            }
            errors.AddRange(state.Inputs.Update(_options.Inputs, values, hostFreeze, revision));
            errors = unavailable.Explain(errors, graph.Unavailable, [.. targets ?? [], .. _options.Inputs.Keys]);
            IReadOnlyList<ConfigError> warnings = [.. state.StandingWarnings, .. _options.StrictInputs ? [] : unused, .. Empty(folder, shapes, errors)];
            if (!run)
            {
                return (null, NewCheck(graph, shapes, targets, unavailable, Sorted(errors), warnings, Stopwatch.GetElapsedTime(started)));
            }
            List<ConfigNode>? targetNodes = null;
            if (targets is not null)
            {
                targetNodes = TargetNodes(graph, targets, unavailable, out var unknown);
                errors = targetNodes is null ? [.. errors, .. unknown] : Concerning(errors, graph.Closure(targetNodes));
            }
            if (errors.Count > 0)
            {
                throw new ConfigException(Sorted(errors));
            }
            var loading = Stopwatch.GetElapsedTime(started);

            var context = new EvaluationContext(finder, values, state.Cache, state.Inputs, state.Modules, functions, graph.Nodes.Count, digests, folder, hostFreeze, revision, scope, _options.ConfigStarting)
            {
                KeepResults = !state.SingleUse,
            };
            using var outcome = new Evaluator(context).Run(state.Graph.EvaluationOrder(graph, targetNodes));
            if (outcome.Errors.Count > 0)
            {
                throw new ConfigException(outcome.Errors, outcome.Skipped);
            }
            var report = new EvaluationReport(outcome.Ran, outcome.Reused, outcome.Replaced, record.Executed, plan.Removed,
                EvaluationReport.DurationsOf(outcome.Ran, outcome.RanTicks), loading, Stopwatch.GetElapsedTime(started));
            if (scope.StopHermetic() is { Count: > 0 } attempts)
            {
                throw new ConfigException(attempts.Select(a => HermeticError(a, folder)).ToList()); // caught by the code, still a violation
            }
            var reported = targetNodes is null ? graph.Nodes.Select(n => n.Name).ToList() // already in definition order
                : targetNodes.OrderBy(n => n.Function.Order).Select(n => n.Name).ToList();
            warnings = [.. warnings, .. ThreadsLeftRunning(threadsBefore, folder)];
            var result = NewResult(reported, outcome, graph, shapes, report, warnings);
            state.Keep(result.Share());
            return (result, null);
        }
        finally
        {
            state.ActivePass = null;
            state.MustReload |= scope.StoppedWhileLoading;
        }
    }

    // With targets, only what concerns them: errors of the folder's modules and inputs, and of the
    // targets and the configs they need. A config nobody asked for may be broken meanwhile.
    private static List<ConfigError> Concerning(List<ConfigError> errors, IReadOnlyList<ConfigNode> closure)
    {
        var needed = closure.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        return errors.Where(e => e.ConfigName is null || needed.Contains(e.ConfigName)).ToList();
    }

    // A folder that gives nothing: worth a word, since an empty result looks like success.
    private static IEnumerable<ConfigError> Empty(SourceFolder folder, List<ConfigFunction> shapes, List<ConfigError> errors)
    {
        if (folder.Files.Count == 0)
        {
            yield return new ConfigError(ConfigErrorKind.NoConfigs, Messages.NoPythonFiles(folder.DisplayPath), null) { Hint = Messages.NoPythonFilesHint };
        }
        else if (shapes.Count == 0 && errors.Count == 0)
        {
            yield return new ConfigError(ConfigErrorKind.NoConfigs, Messages.NoConfigureFunctions(folder.DisplayPath, folder.Files.Count), null) { Hint = Messages.NoConfigureFunctionsHint };
        }
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

    private static List<ConfigError> Sorted(List<ConfigError> errors) =>
        errors.OrderBy(e => e.Location?.DisplayPath, StringComparer.Ordinal).ThenBy(e => e.Location?.Line).ToList();

    // What a check found: the configs (only the targets and what they need, when given) with where each parameter comes from, and every error.
    private static ConfigCheck NewCheck(ConfigGraph graph, List<ConfigFunction> shapes, IReadOnlyCollection<string>? targets, UnavailableConfigs unavailable, List<ConfigError> errors, IReadOnlyList<ConfigError> warnings, TimeSpan duration)
    {
        IReadOnlyCollection<ConfigNode> nodes = graph.Nodes;
        if (targets is not null)
        {
            var targetNodes = TargetNodes(graph, targets, unavailable, out var unknown);
            errors.AddRange(unknown);
            nodes = targetNodes is null ? [] : graph.Closure(targetNodes);
        }
        var provenance = ProvenanceReader.Read(graph, shapes);
        var configs = nodes.OrderBy(n => n.Function.Order).Select(n => provenance[n.Name]).ToList();
        return new ConfigCheck(configs, errors, warnings, duration);
    }

    // Runs again the modules that changed (and what depends on them) and records what they registered.
    private (LoadRecord Record, LoadPlan Plan, Dictionary<string, string?> Digests) LoadChanges(LoaderModule loader, FolderFinder finder, SourceFolder folder, HashSet<string> taken, List<ConfigError> errors, PassScope scope)
    {
        var current = folder.Modules.Where(m => !taken.Contains(m.TopLevelName) && (m.Kind == ModuleKind.Namespace || m.Hash is not null)).ToList();
        var digests = finder.CurrentDigests(state.Modules.TrackedFiles.Concat(state.Cache.TrackedFiles).ToHashSet(StringComparer.Ordinal));
        var plan = state.Modules.Plan(current, digests);
        var record = Load(loader, finder, folder, current, plan, errors, scope);
        List<RegisteredFunction> registered;
        using (var loaded = finder.Registered())
        {
            registered = ConfigFunctionReader.Read(SignaturesModule.Get(_runtime), ValuesModule.Get(_runtime), loaded, folder, errors);
        }
        state.Modules.Record(plan, current, record, registered, revision: state.Revision, folder);
        return (record, plan, digests);
    }

    // The configs of the modules that did not load (they raised, or an installed module has their name), read without running them.
    private UnavailableConfigs Unavailable(LoadRecord record, SourceFolder folder, HashSet<string> taken, List<ConfigFunction> shapes, List<ConfigError> errors)
    {
        var failed = folder.Modules.Where(m => record.Failed.Contains(m.Name) || taken.Contains(m.TopLevelName)).ToList();
        var byPath = folder.Files.ToDictionary(m => m.Path, StringComparer.Ordinal);
        var unusable = errors
            .Where(e => e is { Kind: ConfigErrorKind.InvalidSignature, ConfigName: not null, Location: not null } && byPath.ContainsKey(e.Location.Path))
            .Select(e => (e.ConfigName!, byPath[e.Location!.Path]))
            .ToList(); // what registration refused (a class, an async def); the graph adds its own signature errors later
        if (failed.Count == 0 && unusable.Count == 0)
        {
            return UnavailableConfigs.None;
        }
        var byName = folder.Modules.ToDictionary(m => m.Name, StringComparer.Ordinal);
        return UnavailableConfigs.Find(SignaturesModule.Get(_runtime), failed, record.FailedBecause, byName.GetValueOrDefault,
            shapes.Select(f => f.Name).ToHashSet(StringComparer.Ordinal), unusable);
    }

    // The graph of every registered function: the last one while the configs keep their shape, else built and checked again.
    private (ConfigGraph Graph, List<ConfigError> Unused) CheckedGraph(List<ConfigFunction> shapes, List<ConfigError> errors, UnavailableConfigs unavailable)
    {
        if (unavailable.IsEmpty && state.Graph.TryReuse(shapes, _options.Inputs.Keys, out var graph, out var unused))
        {
            return (graph, unused);
        }
        (graph, var graphErrors) = GraphBuilder.Build(shapes, _options.Inputs.Keys.ToList(), _options.InputSyntax, unavailable);
        unused = UnusedInputs.Find(_options.Inputs.Keys, shapes, unavailable);
        errors.AddRange(ParameterLocator.Refine(graphErrors));
        if (graphErrors.Count == 0 && unavailable.IsEmpty) // a graph with configs missing is never reused
        {
            state.Graph.Keep(shapes, _options.Inputs.Keys, graph, unused);
            if (!state.SingleUse)
            {
                state.Cache.Retain(graph.Nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal));
            }
        }
        else
        {
            state.Graph.Forget();
        }
        return (graph, unused);
    }

    private static LoadRecord Load(LoaderModule loader, FolderFinder finder, SourceFolder folder, List<SourceModule> current, LoadPlan plan, List<ConfigError> errors, PassScope scope)
    {
        finder.Unload(plan.Unload);
        var table = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var module in current)
        {
            var kind = module.Kind switch
            {
                ModuleKind.Package => "package",
                ModuleKind.Namespace => "namespace",
                _ => "module",
            };
            table[module.Name] = new object?[] { module.Path, kind, module.Directory };
        }
        // Each module's file is read as it executes: no more than one file's bytes are held at a time, here or in Python.
        var executing = plan.Execute.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var buffer = Array.Empty<byte>(); // one for the whole load: Python copies each file's bytes
        using var sources = PyFunction.Create("source", args =>
        {
            var name = args[0].AsString();
            return executing.Remove(name) && folder.ReadToExecute(name, ref buffer) is { } bytes ? bytes : null;
        });
        finder.BeginLoad(table, sources);
        var stop = scope.Interruption;
        foreach (var module in plan.Execute)
        {
            try
            {
                stop.ThrowIfStopped(folder, Messages.BeforeImporting(module.RelativePath));
                stop.Run(() => loader.Load.Call(module.Name)).Dispose();
            }
            catch (PythonException exception) when (stop.IsStop(exception))
            {
                scope.StoppedWhileLoading = true; // half-loaded: the next pass starts from nothing
                throw stop.Stopped(exception, folder, Messages.WhileImporting(module.RelativePath), configName: null);
            }
            catch (PythonException exception)
            {
                if (ExceptionTranslator.FromImport(exception, module, folder) is { } error)
                {
                    errors.Add(error);
                }
            }
            catch (Exception) when (stop.Requested)
            {
                scope.StoppedWhileLoading = true;
                throw;
            }
        }
        return finder.EndLoad();
    }

    // A folder module must not share its top-level name with an installed, imported or host module: one
    // of the two would silently hide the other. Installed modules are looked for once per name.
    private HashSet<string> TakenNames(LoaderModule loader, SourceFolder folder, List<ConfigError> errors)
    {
        var groups = folder.Modules.GroupBy(m => m.TopLevelName).ToDictionary(g => g.Key, g => g.OrderBy(m => m.RelativePath, StringComparer.Ordinal).First(), StringComparer.Ordinal);
        var toCheck = state.Modules.Unchecked(groups.Keys);
        using var found = loader.Collisions.Call(groups.Keys.ToList(), toCheck.ToHashSet(StringComparer.Ordinal));
        var names = (Dictionary<object, object?>)found.ToManaged()!;
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in names.Keys)
        {
            taken[(string)key] = (string)names[key]!;
        }
        state.Modules.MarkChecked(toCheck.Where(n => !taken.ContainsKey(n)));
        foreach (var name in taken.Keys.Order(StringComparer.Ordinal))
        {
            var where = taken[name];
            var first = groups[name];
            errors.Add(new ConfigError(ConfigErrorKind.ModuleNameCollision, Messages.ModuleNameTaken(name, where), folder.Locate(first.Path, first.Kind == ModuleKind.Namespace ? 0 : 1))
            {
                Hint = Messages.ModuleNameTakenHint(first.RelativePath),
            });
        }
        return taken.Keys.ToHashSet(StringComparer.Ordinal);
    }

    // The nodes of the targets, or null with an error for each name that is not a config.
    // A target among the unavailable configs is not unknown: the failure of its module says why it is missing.
    private static List<ConfigNode>? TargetNodes(ConfigGraph graph, IEnumerable<string> targets, UnavailableConfigs unavailable, out List<ConfigError> unknown)
    {
        var nodes = new List<ConfigNode>();
        unknown = [];
        foreach (var target in targets.Distinct(StringComparer.Ordinal))
        {
            if (graph.Find(target) is { } node)
            {
                nodes.Add(node);
                continue;
            }
            if (unavailable.Contains(target))
            {
                continue;
            }
            var suggestion = Suggestions.Nearest(target, graph.Nodes.Select(n => n.Name));
            unknown.Add(new ConfigError(ConfigErrorKind.UnknownTarget, Messages.UnknownTarget(target), null)
            {
                Hint = suggestion is null ? Messages.ConfigList(graph.Nodes.Select(n => n.Name)) : Messages.DidYouMeanConfig(suggestion, graph.Find(suggestion)!.Function.Location),
            });
        }
        return unknown.Count == 0 ? nodes : null;
    }

    private ConfigResult NewResult(List<string> reported, EvaluationOutcome outcome, ConfigGraph graph, IReadOnlyList<ConfigFunction> functions, EvaluationReport report, IReadOnlyList<ConfigError> warnings)
    {
        var values = outcome.TakeValues();
        return new ConfigResult(reported, new PythonValues(_runtime, values, state.HostModules?.Renderer), null, () => ProvenanceReader.Read(graph, functions), report, warnings,
            name => graph.Find(name)?.Function.Location);
    }
}
