using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// What a workspace remembers of the configs that ran, to reuse them in its next evaluation: a
/// workspace kept open remembers each result with what it was computed from (<see cref="ResultCache"/>);
/// an evaluation made once remembers nothing (<see cref="NoResultMemory"/>), so it makes no entries or stamps.
/// </summary>
internal interface IResultMemory : IDisposable
{
    /// <summary>The kept result of a config, if any.</summary>
    CachedResult? Find(string name);

    /// <summary>The files configs read, to check for changes.</summary>
    IEnumerable<string> TrackedFiles { get; }

    /// <summary>
    /// Puts the value of a config that ran into <paramref name="outcome"/>, remembering it or not; the
    /// entry kept (to record what the config read), or null when nothing is.
    /// </summary>
    CachedResult? Remember(ConfigNode node, RegisteredFunction function, IArgumentStamps stamps, PyObject value, ValuesModule values, int revision, TimeSpan duration, EvaluationOutcome outcome);

    /// <summary>Forgets a config's result (it failed).</summary>
    void Remove(string name);

    /// <summary>Forgets the results of configs that no longer exist.</summary>
    void Retain(IReadOnlySet<string> names);

    /// <summary>Forgets every result: the next evaluation runs every config.</summary>
    void Clear();
}

/// <summary>Where a result's arguments came from, and their revisions, for the memory to compare next time.</summary>
internal interface IArgumentStamps
{
    ArgumentStamp[] Stamps(ConfigNode node, EvaluationOutcome outcome);
}

/// <summary>The memory of an evaluation made once: the outcome owns each value, and nothing is kept for a next time that never comes.</summary>
internal sealed class NoResultMemory : IResultMemory
{
    public CachedResult? Find(string name) => null;

    public IEnumerable<string> TrackedFiles => [];

    public CachedResult? Remember(ConfigNode node, RegisteredFunction function, IArgumentStamps stamps, PyObject value, ValuesModule values, int revision, TimeSpan duration, EvaluationOutcome outcome)
    {
        outcome.SetOwned(node, value, revision);
        return null;
    }

    public void Remove(string name)
    {
    }

    public void Retain(IReadOnlySet<string> names)
    {
    }

    public void Clear()
    {
    }

    public void Dispose()
    {
    }
}
