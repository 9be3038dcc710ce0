using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// One workspace's side of the interpreter: the Python finder that loads its folder's modules, keeps
/// them between evaluations, and records what each module body and each config reads. Calls need the
/// GIL; <see cref="Enter"/> and <see cref="Leave"/> bracket every evaluation.
/// </summary>
internal sealed class FolderFinder : IDisposable
{
    private readonly PyObject _finder;
    private readonly PyObject _current;

    public FolderFinder(LoaderModule loader, string root, string? cacheDirectory)
    {
        _finder = loader.FinderType.Call(root, cacheDirectory);
        _current = _finder.GetAttr("current");
    }

    /// <summary>
    /// Names the config about to run (null after it): what it imports and reads is recorded for it.
    /// One write to a Python list cell around each call, read by Python only when a config imports or opens something.
    /// </summary>
    public void SetCurrentConfig(string? name) => _current.SetItem(CurrentIndex, name);

    private static readonly object CurrentIndex = 0; // boxed once: the engine sets it around every call

    /// <summary>Puts the workspace's modules, finder, tracking and registration sink into the interpreter.</summary>
    /// <param name="breezeblock">The workspace's breezeblock module, which registrations go to.</param>
    /// <param name="redirectLimit">Null, or the characters printing may write to standard error instead of standard output.</param>
    public void Enter(BreezeblockModule breezeblock, int? redirectLimit)
    {
        Invoke("enter", breezeblock.Module, redirectLimit);
        LoaderModule.Tracking = true;
    }

    /// <summary>Takes them out again; the modules stay with this finder.</summary>
    public void Leave(BreezeblockModule breezeblock)
    {
        LoaderModule.Tracking = false;
        Invoke("leave", breezeblock.Module);
    }

    /// <summary>Forgets modules that will be loaded again or are gone.</summary>
    public void Unload(IEnumerable<string> names) => Invoke("unload", names.ToList());

    /// <summary>The folder's modules now (name → path, kind, folder) and the source bytes of those to execute.</summary>
    public void BeginLoad(Dictionary<string, object?> table, PyObject sources) => Invoke("begin_load", table, sources);

    /// <summary>What the load executed: module names, failures and each body's reads.</summary>
    public LoadRecord EndLoad()
    {
        using var method = _finder.GetAttr("end_load");
        using var result = method.Call();
        var parts = (object?[])result.ToManaged()!;
        var reads = new Dictionary<string, Reads>(StringComparer.Ordinal);
        foreach (var (name, value) in (Dictionary<object, object?>)parts[2]!)
        {
            reads[(string)name] = Reads.From(value);
        }
        var because = ((Dictionary<object, object?>)parts[3]!).ToDictionary(p => (string)p.Key, p => (string)p.Value!, StringComparer.Ordinal);
        return new LoadRecord(Strings(parts[0]), Strings(parts[1]).ToHashSet(StringComparer.Ordinal), reads, because);
    }

    /// <summary>The Python list of (module, function, name) the last load registered (for <see cref="ConfigFunctionReader"/>).</summary>
    public PyObject Registered()
    {
        using var method = _finder.GetAttr("registered");
        return method.Call();
    }



    /// <summary>What each config that ran read (only configs that read any folder module or file).</summary>
    public Dictionary<string, Reads> TakeConfigReads()
    {
        using var method = _finder.GetAttr("take_config_reads");
        using var result = method.Call();
        return ((Dictionary<object, object?>)result.ToManaged()!).ToDictionary(p => (string)p.Key, p => Reads.From(p.Value), StringComparer.Ordinal);
    }

    /// <summary>The digest of each tracked path as it is now.</summary>
    public Dictionary<string, string?> CurrentDigests(IReadOnlyCollection<string> keys)
    {
        if (keys.Count == 0)
        {
            return new Dictionary<string, string?>(StringComparer.Ordinal);
        }
        using var method = _finder.GetAttr("current_digests");
        using var result = method.Call(keys.ToList());
        var digests = (List<object?>)result.ToManaged()!;
        return keys.Zip(digests).ToDictionary(p => p.First, p => p.Second as string, StringComparer.Ordinal);
    }

    private void Invoke(string name, params ReadOnlySpan<object?> args)
    {
        using var method = _finder.GetAttr(name);
        method.Call(args).Dispose();
    }

    private static List<string> Strings(object? list) => ((List<object?>)list!).Select(s => (string)s!).ToList();

    public void Dispose()
    {
        _current.Dispose();
        _finder.Dispose();
    }
}

/// <summary>What a module body or a config read: folder modules (and other names) it imported, and files with their digests.</summary>
internal sealed record Reads(IReadOnlyList<string> Imports, IReadOnlyDictionary<string, string> Files)
{
    public static readonly Reads None = new([], new Dictionary<string, string>());

    public static Reads From(object? value)
    {
        var pair = (object?[])value!;
        var imports = ((List<object?>)pair[0]!).Select(s => (string)s!).ToList();
        var files = ((Dictionary<object, object?>)pair[1]!).ToDictionary(p => (string)p.Key, p => (string)p.Value!, StringComparer.Ordinal);
        return imports.Count == 0 && files.Count == 0 ? None : new Reads(imports, files);
    }
}

/// <summary>What one load executed.</summary>
/// <param name="Executed">The modules that ran, in order.</param>
/// <param name="Failed">Those that raised.</param>
/// <param name="Reads">What each module body read.</param>
/// <param name="FailedBecause">For a module that failed because another folder module did (it imports it), that module.</param>
internal sealed record LoadRecord(IReadOnlyList<string> Executed, IReadOnlySet<string> Failed, IReadOnlyDictionary<string, Reads> Reads, IReadOnlyDictionary<string, string> FailedBecause);
