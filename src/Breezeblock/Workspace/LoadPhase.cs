using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// What the load phase leaves for the next: the folder as it was listed, what ran and what it
/// registered, the configs of modules that did not load, and every problem found so far.
/// </summary>
internal sealed record LoadedFolder(
    SourceFolder Folder,
    LoadRecord Record,
    LoadPlan Plan,
    IReadOnlyDictionary<string, string?> Digests,
    IReadOnlyList<RegisteredFunction> Functions,
    List<ConfigFunction> Shapes,
    UnavailableConfigs Unavailable,
    List<ConfigError> Errors);

/// <summary>
/// The first phase of a pass: list the folder, refuse modules named like installed ones, run again
/// the modules that changed (and what depends on them), read what <c>@configure</c> registered, and
/// find the configs of what did not load. Runs module bodies, so the pass's scope is entered.
/// </summary>
internal sealed class LoadPhase(WorkspaceState state)
{
    private readonly PythonRuntime _runtime = state.Runtime;

    /// <summary>Loads what changed; <paramref name="enter"/> puts the pass's interpreter state in place once names are checked.</summary>
    public LoadedFolder Run(SourceFolder folder, PassScope scope, Action enter)
    {
        var loader = LoaderModule.Get(_runtime);
        var errors = new List<ConfigError>(folder.ReadErrors);
        var taken = TakenNames(loader, folder, errors);
        enter();
        var finder = state.Finder!;
        var (record, plan, digests) = LoadChanges(loader, finder, folder, taken, errors, scope);
        var functions = state.Modules.Registrations;
        var shapes = functions.Select(f => f.Function).ToList();
        var unavailable = Unavailable(record, folder, taken, shapes, errors);
        return new LoadedFolder(folder, record, plan, digests, functions, shapes, unavailable, errors);
    }

    // Runs again the modules that changed (and what depends on them) and records what they registered.
    private (LoadRecord Record, LoadPlan Plan, Dictionary<string, string?> Digests) LoadChanges(LoaderModule loader, FolderFinder finder, SourceFolder folder, HashSet<string> taken, List<ConfigError> errors, PassScope scope)
    {
        var current = folder.Modules.Where(m => !taken.Contains(m.TopLevelName) && (m.Kind == ModuleKind.Namespace || m.Hash is not null)).ToList();
        var digests = finder.CurrentDigests(state.Modules.TrackedFiles.Concat(state.Results.TrackedFiles).ToHashSet(StringComparer.Ordinal));
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
            return executing.Remove(name) && folder.ReadToExecute(name, ref buffer) is var (bytes, key) ? new object?[] { bytes, key, folder.IsUnsavedModule(name) } : null;
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
}
