using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// One evaluation of one folder, from discovery to results, with the GIL held: load every module,
/// read the registrations, build and check the graph, run the configs. Everything the run changes
/// in the interpreter (sys.modules, sys.path, sys.stdout, the registry) is restored afterwards, so
/// evaluating another folder next starts clean.
/// </summary>
internal sealed class EvaluationRun(PythonRuntime runtime, ConfigOptions options, IHostModules? hostModules)
{
    public ConfigResult Execute(SourceFolder folder, IReadOnlyCollection<string>? targets, CancellationToken cancellationToken)
    {
        var breezeblock = BreezeblockModule.Get(runtime);
        var loader = LoaderModule.Get(runtime);
        using var sys = runtime.Import("sys");
        using var sysModules = sys.GetAttr("modules");
        using var saved = loader.Enter.Call(options.RedirectPrintToStandardError);
        var callables = new Dictionary<string, PyObject>(StringComparer.Ordinal);
        var inputs = new Dictionary<string, PyObject>(StringComparer.Ordinal);
        FolderImporter? importer = null;
        try
        {
            breezeblock.Install(sysModules);
            hostModules?.Install(sysModules);
            (importer, var errors) = FolderImporter.Import(loader, folder, options.BytecodeCacheDirectory);
            var functions = ConfigFunctionReader.Read(breezeblock, loader, folder, errors);
            foreach (var (function, callable) in functions)
            {
                if (!callables.TryAdd(function.Name, callable))
                {
                    callables[$"{function.Name}\0{function.Order}"] = callable; // a duplicate, reported by the graph
                }
            }
            var (graph, graphErrors) = GraphBuilder.Build(functions.Select(f => f.Function).ToList(), options.Inputs.Keys.ToList());
            errors.AddRange(graphErrors);
            if (errors.Count > 0)
            {
                throw new ConfigException(errors.OrderBy(e => e.Location?.DisplayPath, StringComparer.Ordinal).ThenBy(e => e.Location?.Line).ToList());
            }
            var targetNodes = targets is null ? null : TargetNodes(graph, targets);
            var order = graph.EvaluationOrder(targetNodes);
            foreach (var (name, value) in options.Inputs)
            {
                inputs[name] = PyObject.From(value);
            }
            var results = Evaluator.Run(order, callables, inputs, folder, hostModules is not null, cancellationToken);
            var reported = (targetNodes ?? graph.Nodes).OrderBy(n => n.Function.Order).Select(n => n.Name).ToList();
            var locations = graph.Nodes.ToDictionary(n => n.Name, n => n.Function.Location, StringComparer.Ordinal);
            return new ConfigResult(runtime, reported, results, locations, hostModules?.Renderer);
        }
        finally
        {
            importer?.Dispose();
            hostModules?.Uninstall(sysModules);
            breezeblock.Clear();
            loader.Leave.Call(saved).Dispose();
            foreach (var owned in callables.Values.Concat(inputs.Values))
            {
                owned.Dispose();
            }
        }
    }

    private static List<ConfigNode> TargetNodes(ConfigGraph graph, IEnumerable<string> targets)
    {
        var nodes = new List<ConfigNode>();
        var errors = new List<ConfigError>();
        foreach (var target in targets.Distinct(StringComparer.Ordinal))
        {
            if (graph.Find(target) is { } node)
            {
                nodes.Add(node);
                continue;
            }
            var suggestion = Suggestions.Nearest(target, graph.Nodes.Select(n => n.Name));
            errors.Add(new ConfigError(ConfigErrorKind.UnknownTarget, $"target '{target}' is not a config", null)
            {
                Hint = suggestion is null
                    ? $"the configs are: {string.Join(", ", graph.Nodes.Select(n => n.Name))}"
                    : $"did you mean '{suggestion}'? (the config at {graph.Find(suggestion)!.Function.Location})",
            });
        }
        return errors.Count == 0 ? nodes : throw new ConfigException(errors);
    }
}

/// <summary>The host's own Python modules (host types and functions), installed for each evaluation.</summary>
internal interface IHostModules
{
    /// <summary>Puts the host modules into sys.modules.</summary>
    void Install(PyObject sysModules);

    /// <summary>Takes them out again.</summary>
    void Uninstall(PyObject sysModules);

    /// <summary>Renders host objects in results as plain data.</summary>
    IHostObjectRenderer? Renderer { get; }
}
