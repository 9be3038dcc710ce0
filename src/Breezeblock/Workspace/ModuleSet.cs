namespace Breezeblock;

/// <summary>
/// The modules a workspace has loaded: the source each one ran from, the evaluation it ran in, what
/// its body imported and read, and the functions it registered. <see cref="Plan"/> decides what the
/// next load runs again: modules whose file changed (by content), appeared, failed last time or read
/// a file that changed, every module that imports one of those (transitively, including imports that
/// failed because the module did not exist yet), and every submodule of a package that runs again.
/// </summary>
internal sealed class ModuleSet : IDisposable
{
    private readonly Dictionary<string, LoadedModule> _modules = new(StringComparer.Ordinal);
    private readonly HashSet<string> _checkedNames = new(StringComparer.Ordinal);

    /// <summary>The evaluation in which the module last ran; 0 for a name that is no module of the folder.</summary>
    public int ExecutedAt(string name) => _modules.TryGetValue(name, out var module) ? module.ExecutedAt : 0;

    /// <summary>Every registered function of every loaded module, once each, in definition order (see <see cref="Record"/>).</summary>
    public IReadOnlyList<RegisteredFunction> Registrations { get; private set; } = [];

    /// <summary>The files module bodies read, to check for changes.</summary>
    public IEnumerable<string> TrackedFiles => _modules.Values.SelectMany(m => m.Reads.Files.Keys);

    /// <summary>Top-level names not yet checked against installed modules (those are checked once per workspace).</summary>
    public List<string> Unchecked(IEnumerable<string> names) => names.Where(n => !_checkedNames.Contains(n)).ToList();

    public void MarkChecked(IEnumerable<string> names) => _checkedNames.UnionWith(names);

    /// <summary>What a load must drop and run again to bring the loaded modules up to <paramref name="current"/>.</summary>
    public LoadPlan Plan(IReadOnlyList<SourceModule> current, IReadOnlyDictionary<string, string?> digests)
    {
        var byName = current.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var changed = new List<string>();
        foreach (var module in current)
        {
            if (!_modules.TryGetValue(module.Name, out var loaded) || loaded.Failed || !loaded.Source.SameContent(module) || Changed(loaded.Reads, digests))
            {
                changed.Add(module.Name);
            }
        }
        var removed = _modules.Keys.Where(n => !byName.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();

        var importers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, module) in _modules)
        {
            foreach (var imported in module.Reads.Imports)
            {
                if (!importers.TryGetValue(imported, out var list))
                {
                    importers[imported] = list = [];
                }
                list.Add(name);
            }
        }
        var children = current.Where(m => m.Name.Contains('.', StringComparison.Ordinal))
            .ToLookup(m => m.Name[..m.Name.LastIndexOf('.')], m => m.Name, StringComparer.Ordinal);

        var dirty = new HashSet<string>(changed, StringComparer.Ordinal);
        var pending = new Queue<string>(changed.Concat(removed));
        while (pending.TryDequeue(out var name))
        {
            foreach (var next in (importers.GetValueOrDefault(name) ?? []).Concat(children[name]))
            {
                if (byName.ContainsKey(next) && dirty.Add(next))
                {
                    pending.Enqueue(next);
                }
            }
        }
        var execute = current.Where(m => m.Kind != ModuleKind.Namespace && dirty.Contains(m.Name)).ToList();
        var unload = _modules.Keys.Where(n => dirty.Contains(n) || !byName.ContainsKey(n)).ToList();
        return new LoadPlan(execute, dirty, unload, removed);
    }

    /// <summary>Records a load: what ran, what failed, what each body read and registered.</summary>
    public void Record(LoadPlan plan, IReadOnlyList<SourceModule> current, LoadRecord record, List<RegisteredFunction> registered, int revision, SourceFolder folder)
    {
        Registrations = ConfigFunctionReader.InDefinitionOrder(Registrations, plan.Unload.ToHashSet(StringComparer.Ordinal), registered, folder);
        foreach (var name in plan.Unload)
        {
            if (_modules.Remove(name, out var old))
            {
                old.Dispose();
            }
        }
        var byModule = ByModule(registered);
        var executed = record.Executed.ToHashSet(StringComparer.Ordinal);
        foreach (var module in current)
        {
            if (executed.Contains(module.Name))
            {
                _modules[module.Name] = new LoadedModule(folder.AsExecuted(module), revision, record.Failed.Contains(module.Name),
                    record.Reads.GetValueOrDefault(module.Name) ?? Reads.None, byModule.GetValueOrDefault(module.Name) ?? []);
            }
            else if (!_modules.ContainsKey(module.Name) && (module.Kind == ModuleKind.Namespace || plan.Dirty.Contains(module.Name)))
            {
                // a namespace package (made by the import system), or a module no import reached: run it again next time
                _modules[module.Name] = new LoadedModule(module, revision, module.Kind != ModuleKind.Namespace, Reads.None, []);
            }
        }
    }

    // What each module registered, each list at its size: a module keeps its list as long as it stays loaded.
    private static Dictionary<string, List<RegisteredFunction>> ByModule(List<RegisteredFunction> registered)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var function in registered)
        {
            counts[function.Module] = counts.GetValueOrDefault(function.Module) + 1;
        }
        var byModule = new Dictionary<string, List<RegisteredFunction>>(counts.Count, StringComparer.Ordinal);
        foreach (var function in registered)
        {
            if (!byModule.TryGetValue(function.Module, out var list))
            {
                byModule[function.Module] = list = new List<RegisteredFunction>(counts[function.Module]);
            }
            list.Add(function);
        }
        return byModule;
    }

    private static bool Changed(Reads reads, IReadOnlyDictionary<string, string?> digests)
    {
        foreach (var (path, digest) in reads.Files)
        {
            if (!digests.TryGetValue(path, out var now) || now != digest)
            {
                return true;
            }
        }
        return false;
    }

    public void Dispose()
    {
        foreach (var module in _modules.Values)
        {
            module.Dispose();
        }
        _modules.Clear();
    }

    private sealed record LoadedModule(SourceModule Source, int ExecutedAt, bool Failed, Reads Reads, List<RegisteredFunction> Registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in Registrations)
            {
                registration.Dispose();
            }
        }
    }
}

/// <summary>What one load does.</summary>
/// <param name="Execute">File modules to run, in the folder's order.</param>
/// <param name="Dirty">Every module that runs again or is made again (namespace packages included).</param>
/// <param name="Unload">Loaded modules to drop first: those that run again and those that are gone.</param>
/// <param name="Removed">Loaded modules that are gone from the folder.</param>
internal sealed record LoadPlan(IReadOnlyList<SourceModule> Execute, IReadOnlySet<string> Dirty, IReadOnlyList<string> Unload, IReadOnlyList<string> Removed);
