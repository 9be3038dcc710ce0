namespace Breezeblock;

/// <summary>
/// The configs of modules that did not load (an exception, a syntax error, a name an installed module
/// has), found by reading their files without running them: a parameter, target or input naming one
/// is not "undefined", and the one failure that explains it says what it made unavailable. Each
/// config is owed to one failure: its module's own, or that of the folder module whose failure its
/// module's came from (one it imports). A config whose function cannot be one (a class, an
/// <c>async def</c>) is unavailable too, owed to its own error.
/// </summary>
internal sealed class UnavailableConfigs
{
    private readonly Dictionary<string, (string Root, SourceModule Module)> _byName;

    private UnavailableConfigs(Dictionary<string, (string Root, SourceModule Module)> byName) => _byName = byName;

    // The root of a config whose own function is the problem: its error, found by the config's name.
    private const string Unusable = "\0unusable:";

    public static readonly UnavailableConfigs None = new(new Dictionary<string, (string, SourceModule)>(StringComparer.Ordinal));

    public bool IsEmpty => _byName.Count == 0;

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <param name="signatures">Reads a file's <c>@configure</c> functions without running it.</param>
    /// <param name="failed">The modules that did not load.</param>
    /// <param name="because">For a module that failed because another did, that module's name (followed to the first).</param>
    /// <param name="module">A module of the folder, by name.</param>
    /// <param name="registered">Configs that did register: a name defined twice is not unavailable.</param>
    /// <param name="unusable">Errors of registered functions that cannot be configs, by config name and the module that registered it.</param>
    public static UnavailableConfigs Find(SignaturesModule signatures, IEnumerable<SourceModule> failed, IReadOnlyDictionary<string, string> because,
        Func<string, SourceModule?> module, IReadOnlySet<string> registered, IEnumerable<(string Config, SourceModule Module)> unusable)
    {
        var byName = new Dictionary<string, (string Root, SourceModule Module)>(StringComparer.Ordinal);
        foreach (var (config, source) in unusable)
        {
            if (!registered.Contains(config))
            {
                byName.TryAdd(config, (Unusable + config, source));
            }
        }
        foreach (var source in failed.Where(m => m.Kind != ModuleKind.Namespace))
        {
            var root = source;
            var seen = new HashSet<string>(StringComparer.Ordinal) { source.Name };
            while (because.TryGetValue(root.Name, out var cause) && seen.Add(cause) && module(cause) is { } next)
            {
                root = next;
            }
            foreach (var (name, _) in signatures.Declared(source.Path))
            {
                if (!registered.Contains(name))
                {
                    byName.TryAdd(name, (root.Path, source));
                }
            }
        }
        return byName.Count == 0 ? None : new UnavailableConfigs(byName);
    }

    /// <summary>
    /// The errors, each failure's own saying what it made unavailable and which configs need those
    /// (<paramref name="needs"/>: each config's unavailable dependencies), so that none is reported on
    /// its own. A failure whose configs nothing needs or <paramref name="named"/> (targets, inputs) is
    /// left as it is: the failure says enough.
    /// </summary>
    public List<ConfigError> Explain(List<ConfigError> errors, IReadOnlyDictionary<string, IReadOnlyList<string>> needs, IEnumerable<string> named)
    {
        if (IsEmpty)
        {
            return errors;
        }
        foreach (var group in _byName.GroupBy(p => p.Value.Root, StringComparer.Ordinal))
        {
            if (group.Key.StartsWith(Unusable, StringComparison.Ordinal))
            {
                var config = group.Key[Unusable.Length..];
                var its = errors.FindIndex(e => e.Kind == ConfigErrorKind.InvalidSignature && e.ConfigName == config);
                var needers = needs.Where(p => p.Value.Contains(config) && !Contains(p.Key)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
                if (its >= 0 && needers.Count > 0)
                {
                    errors[its] = errors[its].WithDetails([.. errors[its].Details, Messages.NotCheckedNeedUnavailable(needers, one: true)]);
                }
                continue;
            }
            var index = errors.FindIndex(e => e.Location?.Path == group.Key && e.Kind is ConfigErrorKind.ImportError or ConfigErrorKind.SyntaxError or ConfigErrorKind.ModuleNameCollision);
            if (index < 0)
            {
                index = errors.FindIndex(e => e.Kind is ConfigErrorKind.ImportError or ConfigErrorKind.SyntaxError or ConfigErrorKind.ModuleNameCollision);
            }
            if (index < 0)
            {
                continue;
            }
            var names = group.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            var own = group.Where(p => p.Value.Module.Path == group.Key).Select(p => p.Key).ToList();
            var importers = group.Where(p => p.Value.Module.Path != group.Key).Select(p => $"{p.Key} ({p.Value.Module.RelativePath})").ToList();
            var needing = needs.Where(p => p.Value.Any(names.Contains) && !Contains(p.Key)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
            if (needing.Count == 0 && !named.Any(names.Contains))
            {
                continue;
            }
            var notes = new List<string>();
            if (own.Count > 0)
            {
                notes.Add(Messages.UnavailableOwnConfigs(own));
            }
            if (importers.Count > 0)
            {
                notes.Add(Messages.UnavailableImporterConfigs(importers));
            }
            if (needing.Count > 0)
            {
                notes.Add(Messages.NotCheckedNeedUnavailable(needing, names.Count == 1));
            }
            errors[index] = errors[index].WithDetails([.. errors[index].Details, .. notes]);
        }
        return errors;
    }
}
