using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The results a workspace keeps between evaluations, each with what it was computed from: the
/// registration of its function, the revision of every argument, the revision of every folder module
/// and the digest of every file it read while running. A result is reused only while all of these are
/// unchanged; a result recomputed to an equal value keeps its old revision (early cutoff), so the
/// configs that need it are reused in turn.
/// </summary>
internal sealed class ResultCache : IResultMemory
{
    private readonly Dictionary<string, CachedResult> _entries = new(StringComparer.Ordinal);

    public CachedResult? Find(string name) => _entries.GetValueOrDefault(name);

    /// <summary>The files configs read, to check for changes.</summary>
    public IEnumerable<string> TrackedFiles => _entries.Values.SelectMany(e => e.Files.Keys);

    /// <summary>Keeps the result (<see cref="Store"/>) with its arguments' stamps, and puts the value kept into the outcome.</summary>
    public CachedResult? Remember(ConfigNode node, RegisteredFunction function, IArgumentStamps stamps, PyObject value, ValuesModule values, int revision, TimeSpan duration, EvaluationOutcome outcome)
    {
        var entry = Store(node.Name, function, stamps.Stamps(node, outcome), value, values, revision, duration);
        outcome.Set(node, entry.Value, entry.Revision);
        return entry;
    }

    /// <summary>
    /// Keeps a config's new result and returns the revision of its value: the old revision (and the old
    /// object, disposing the new one) when the value is the same as before, else <paramref name="revision"/>.
    /// </summary>
    public CachedResult Store(string name, RegisteredFunction function, ArgumentStamp[] arguments, PyObject value, ValuesModule values, int revision, TimeSpan duration)
    {
        var old = _entries.GetValueOrDefault(name);
        CachedResult entry;
        if (old is not null && values.AreSame(old.Value, value))
        {
            value.Dispose();
            entry = new CachedResult(old.Value, old.Revision, function, arguments, duration);
        }
        else
        {
            old?.Value.Dispose();
            entry = new CachedResult(value, revision, function, arguments, duration);
        }
        _entries[name] = entry;
        return entry;
    }

    public void Remove(string name)
    {
        if (_entries.Remove(name, out var old))
        {
            old.Value.Dispose();
        }
    }

    /// <summary>Drops the results of configs that no longer exist.</summary>
    public void Retain(IReadOnlySet<string> names)
    {
        if (_entries.Count == 0)
        {
            return;
        }
        foreach (var name in _entries.Keys.Where(n => !names.Contains(n)).ToList())
        {
            Remove(name);
        }
    }

    /// <summary>Drops every result: the next evaluation runs every config.</summary>
    public void Clear() => Dispose();

    public void Dispose()
    {
        foreach (var entry in _entries.Values)
        {
            entry.Value.Dispose();
        }
        _entries.Clear();
    }
}

/// <summary>One kept result and what it was computed from.</summary>
internal sealed class CachedResult(PyObject value, int revision, RegisteredFunction function, ArgumentStamp[] arguments, TimeSpan duration)
{
    /// <summary>The frozen value (owned by the cache).</summary>
    public PyObject Value { get; } = value;

    /// <summary>The evaluation in which the value last changed.</summary>
    public int Revision { get; } = revision;

    public RegisteredFunction Function { get; } = function;

    public ArgumentStamp[] Arguments { get; } = arguments;

    public TimeSpan Duration { get; } = duration;

    /// <summary>Folder modules imported while the function ran, with the evaluation each had last run in.</summary>
    public IReadOnlyDictionary<string, int> Imports { get; set; } = NoImports;

    /// <summary>Files read while the function ran, with their digests.</summary>
    public IReadOnlyDictionary<string, string> Files { get; set; } = NoFiles;

    // Most configs read nothing but their parameters: they share these.
    private static readonly IReadOnlyDictionary<string, int> NoImports = new Dictionary<string, int>();
    private static readonly IReadOnlyDictionary<string, string> NoFiles = new Dictionary<string, string>();
}

/// <summary>Where an argument came from when a result was computed, and the revision of its value then.</summary>
internal readonly record struct ArgumentStamp(ValueSource Source, string Name, int Revision);
