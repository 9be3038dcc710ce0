namespace Breezeblock;

/// <summary>What the check phase leaves: the graph of what loaded, and the problems and warnings of the whole pass so far.</summary>
internal sealed record CheckedConfigs(LoadedFolder Loaded, ConfigGraph Graph, List<ConfigError> Errors, IReadOnlyList<ConfigError> Warnings);

/// <summary>
/// The second phase of a pass, which runs no config code: wire the registered functions into the
/// graph (the last one while their shapes are the same), give Python the inputs, and gather every
/// problem: missing dependencies, duplicates, cycles, annotations that cannot match
/// (<see cref="WiringTypes"/>), inputs nothing uses, what failing modules made unavailable, a folder
/// that gives nothing.
/// </summary>
internal sealed class CheckPhase(WorkspaceState state)
{
    private readonly ConfigOptions _options = state.Options;

    public CheckedConfigs Run(LoadedFolder loaded, IReadOnlyCollection<string>? targets, int revision)
    {
        var errors = loaded.Errors;
        var (graph, unused) = CheckedGraph(loaded.Shapes, errors, loaded.Unavailable, loaded.Folder);
        errors.AddRange(state.Types.Check(graph, loaded.Functions, state.Runtime, loaded.Folder));
        if (_options.StrictInputs)
        {
            errors.AddRange(unused);
        }
        errors.AddRange(state.Inputs.Update(_options.Inputs, _options.Secrets, ValuesModule.Get(state.Runtime), state.HostModules?.FreezeFunction, revision));
        errors = loaded.Unavailable.Explain(errors, graph.Unavailable, [.. targets ?? [], .. _options.InputNames]);
        IReadOnlyList<ConfigError> warnings = [.. state.StandingWarnings, .. _options.StrictInputs ? [] : unused, .. Empty(loaded.Folder, loaded.Shapes, errors)];
        return new CheckedConfigs(loaded, graph, errors, warnings);
    }

    /// <summary>What a check found: the configs (only the targets and what they need, when given) with where each parameter comes from, and every error.</summary>
    public static ConfigCheck Report(CheckedConfigs checkedConfigs, IReadOnlyCollection<string>? targets, TimeSpan duration)
    {
        var (loaded, graph, errors, warnings) = checkedConfigs;
        errors = Sorted(errors);
        IReadOnlyCollection<ConfigNode> nodes = graph.Nodes;
        var checks = graph.Checks;
        if (targets is not null)
        {
            var targetNodes = TargetNodes(graph, targets, loaded.Unavailable, out var unknown);
            errors.AddRange(unknown); // after the folder's, which have places
            var closure = targetNodes is null ? [] : graph.Closure(targetNodes);
            nodes = closure;
            checks = graph.ChecksFor(closure);
        }
        var provenance = ProvenanceReader.Read(graph, loaded.Shapes);
        var configs = nodes.OrderBy(n => n.Function.Order).Select(n => provenance[n.Name]).ToList();
        var included = checks.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return new ConfigCheck(configs, errors, warnings, duration, ProvenanceReader.ReadChecks(graph, loaded.Shapes).Where(c => included.Contains(c.Name)).ToList());
    }

    /// <summary>
    /// The errors that stop an evaluation of <paramref name="targets"/> (all when null), by file and line,
    /// and the targets' nodes: with targets, only errors that concern them count.
    /// </summary>
    public static (List<ConfigError> Errors, List<ConfigNode>? Targets) ForRun(CheckedConfigs checkedConfigs, IReadOnlyCollection<string>? targets)
    {
        var errors = checkedConfigs.Errors;
        List<ConfigNode>? targetNodes = null;
        if (targets is not null)
        {
            targetNodes = TargetNodes(checkedConfigs.Graph, targets, checkedConfigs.Loaded.Unavailable, out var unknown);
            errors = targetNodes is null ? [.. errors, .. unknown] : Concerning(errors, checkedConfigs.Graph.Closure(targetNodes));
        }
        return (Sorted(errors), targetNodes);
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

    private static List<ConfigError> Sorted(List<ConfigError> errors) =>
        errors.OrderBy(e => e.Location?.DisplayPath, StringComparer.Ordinal).ThenBy(e => e.Location?.Line).ToList();

    // The graph of every registered function: the last one while the configs keep their shape, else built and checked again.
    private (ConfigGraph Graph, List<ConfigError> Unused) CheckedGraph(List<ConfigFunction> shapes, List<ConfigError> errors, UnavailableConfigs unavailable, SourceFolder folder)
    {
        if (unavailable.IsEmpty && state.Graph.TryReuse(shapes, _options.InputNames, out var graph, out var unused))
        {
            return (graph, unused);
        }
        (graph, var graphErrors) = GraphBuilder.Build(shapes, _options.InputNames.ToList(), _options.InputSyntax, unavailable);
        unused = UnusedInputs.Find(_options.InputNames, shapes, unavailable);
        errors.AddRange(ParameterLocator.Refine(graphErrors, folder));
        if (graphErrors.Count == 0 && unavailable.IsEmpty) // a graph with configs missing is never reused
        {
            state.Graph.Keep(shapes, _options.InputNames, graph, unused);
            state.Results.Retain(graph.Nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal));
        }
        else
        {
            state.Graph.Forget();
        }
        return (graph, unused);
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
}
