namespace Breezeblock.Cli.LanguageServer;

/// <summary>What a place in the source is to the wiring.</summary>
internal enum SiteKind
{
    /// <summary>A config's or check's name where it is defined: the function's name, or the text of its <c>name=</c>.</summary>
    Definition,

    /// <summary>A parameter in a configure or check function's signature.</summary>
    Parameter,

    /// <summary>Where a function's body reads one of its parameters.</summary>
    Use,
}

/// <summary>A name in the source the wiring gives a meaning to.</summary>
/// <param name="Kind">Definition, parameter or use.</param>
/// <param name="Path">The file's absolute path.</param>
/// <param name="Span">Where the name is.</param>
/// <param name="Name">The config's name (a definition) or the parameter's (a parameter or a use).</param>
/// <param name="Owner">The config or check the definition is, or whose function has the parameter.</param>
/// <param name="Resolved">What the parameter resolved to; null for a definition, or a parameter that resolves to nothing.</param>
/// <param name="IsCheck">True when <paramref name="Owner"/> is a check.</param>
internal sealed record WiringSite(SiteKind Kind, string Path, SourceSpan Span, string Name, string Owner, ParameterProvenance? Resolved, bool IsCheck)
{
    /// <summary>The config the name stands for: a definition's own, or the config a parameter receives.</summary>
    public string? Config => Kind == SiteKind.Definition ? (IsCheck ? null : Name) : Resolved is { Source: ValueSource.Config, Config: var config } ? config : null;
}

/// <summary>
/// The folder's wiring where its source says it: every config and check with where it is defined,
/// each parameter with what it resolved to, and where bodies read them. Built after each check from
/// what it found and the files' outlines; read, never changed, by requests on any thread.
/// </summary>
internal sealed class WiringIndex
{
    private readonly Dictionary<string, List<WiringSite>> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WiringSite> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<WiringSite>> _receivers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FunctionOutline> _functions = new(StringComparer.Ordinal);

    public static readonly WiringIndex Empty = new([], []);

    private WiringIndex(IReadOnlyList<ConfigProvenance> configs, IReadOnlyList<CheckProvenance> checks)
    {
        Configs = configs.ToDictionary(c => c.Name, StringComparer.Ordinal);
        Checks = checks.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>The configs, by name.</summary>
    public IReadOnlyDictionary<string, ConfigProvenance> Configs { get; }

    /// <summary>The checks, by name.</summary>
    public IReadOnlyDictionary<string, CheckProvenance> Checks { get; }

    /// <summary>The files that have sites.</summary>
    public IEnumerable<string> Paths => _byPath.Keys;

    /// <summary>The index of what <paramref name="check"/> found, placed in the source by <paramref name="outline"/> (a file's outline, or null when it has none).</summary>
    public static WiringIndex Build(ConfigCheck check, Func<string, SourceOutline?> outline)
    {
        var index = new WiringIndex(check.Configs, check.Checks);
        var outlines = new Dictionary<string, SourceOutline?>(StringComparer.Ordinal); // a file's functions are many: its outline is asked for once
        var given = outline;
        outline = path => outlines.TryGetValue(path, out var known) ? known : outlines[path] = given(path);
        foreach (var config in check.Configs)
        {
            index.Add(config.Name, config.Location, config.Parameters, isCheck: false, skipFirst: false, outline);
        }
        foreach (var each in check.Checks)
        {
            index.Add(each.Name, each.Location, each.Parameters, isCheck: true, skipFirst: each.Each is not null, outline);
        }
        return index;
    }

    private void Add(string name, SourceLocation location, IReadOnlyList<ParameterProvenance> parameters, bool isCheck, bool skipFirst, Func<string, SourceOutline?> outline)
    {
        if (outline(location.Path)?.FunctionAt(location.Line) is not { } function)
        {
            return;
        }
        _functions[Key(name, isCheck)] = function;
        var definition = new WiringSite(SiteKind.Definition, location.Path, function.NameArgument ?? function.NameSpan, name, name, null, isCheck);
        AddSite(definition);
        if (!isCheck)
        {
            _definitions[name] = definition;
        }
        foreach (var parameter in skipFirst ? function.Parameters.Skip(1) : function.Parameters)
        {
            var resolved = parameters.FirstOrDefault(p => p.Name == parameter.Name);
            var site = new WiringSite(SiteKind.Parameter, location.Path, parameter.Span, parameter.Name, name, resolved, isCheck);
            AddSite(site);
            if (site.Config is { } received)
            {
                Receivers(received).Add(site);
            }
            foreach (var use in parameter.Uses)
            {
                AddSite(site with { Kind = SiteKind.Use, Span = use });
            }
        }
    }

    private void AddSite(WiringSite site)
    {
        if (!_byPath.TryGetValue(site.Path, out var sites))
        {
            _byPath[site.Path] = sites = [];
        }
        sites.Add(site);
    }

    private List<WiringSite> Receivers(string config)
    {
        if (!_receivers.TryGetValue(config, out var sites))
        {
            _receivers[config] = sites = [];
        }
        return sites;
    }

    private static string Key(string name, bool isCheck) => isCheck ? "check:" + name : name;

    /// <summary>The site at a 1-based line and 0-based column of a file, if any.</summary>
    public WiringSite? At(string path, int line, int column) =>
        _byPath.TryGetValue(path, out var sites) ? sites.FirstOrDefault(s => s.Span.Contains(line, column)) : null;

    /// <summary>Every site of a file, in the order they were found.</summary>
    public IReadOnlyList<WiringSite> In(string path) => _byPath.TryGetValue(path, out var sites) ? sites : [];

    /// <summary>Where a config is defined.</summary>
    public WiringSite? Definition(string config) => _definitions.GetValueOrDefault(config);

    /// <summary>Every parameter (of configs and checks) that receives the config.</summary>
    public IReadOnlyList<WiringSite> ReceiversOf(string config) => _receivers.TryGetValue(config, out var sites) ? sites : [];

    /// <summary>The outline of a config's (or check's) function.</summary>
    public FunctionOutline? Function(string name, bool isCheck = false) => _functions.GetValueOrDefault(Key(name, isCheck));

    /// <summary>The configs and checks that need <paramref name="config"/>, by name, in order.</summary>
    public IReadOnlyList<string> UsedBy(string config) => ReceiversOf(config).Select(s => s.Owner).Distinct(StringComparer.Ordinal).ToList();
}
