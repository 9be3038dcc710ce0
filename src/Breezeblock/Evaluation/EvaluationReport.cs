namespace Breezeblock;

/// <summary>
/// What one evaluation did: which configs ran and which were reused from the workspace's previous
/// evaluations, which modules were loaded again, and how long each part took.
/// </summary>
public sealed class EvaluationReport
{
    private readonly Lazy<IReadOnlyDictionary<string, TimeSpan>> _durations;

    internal EvaluationReport(
        IReadOnlyList<string> ran,
        IReadOnlyList<string> reused,
        IReadOnlyList<string> replaced,
        IReadOnlyList<string> changed,
        IReadOnlyList<string> modulesLoaded,
        IReadOnlyList<string> modulesRemoved,
        Func<IReadOnlyDictionary<string, TimeSpan>> durations,
        TimeSpan loading,
        TimeSpan total)
    {
        Ran = ran;
        Reused = reused;
        Replaced = replaced;
        Changed = changed;
        ModulesLoaded = modulesLoaded;
        ModulesRemoved = modulesRemoved;
        _durations = new Lazy<IReadOnlyDictionary<string, TimeSpan>>(durations);
        Loading = loading;
        Total = total;
    }

    /// <summary>A report whose durations are the ticks of each config in <paramref name="ran"/>, in order.</summary>
    internal static Func<IReadOnlyDictionary<string, TimeSpan>> DurationsOf(IReadOnlyList<string> ran, IReadOnlyList<long> ticks) => () =>
    {
        var durations = new Dictionary<string, TimeSpan>(ran.Count, StringComparer.Ordinal);
        for (var i = 0; i < ran.Count; i++)
        {
            durations[ran[i]] = TimeSpan.FromTicks(ticks[i]);
        }
        return durations;
    };

    /// <summary>Configs whose function ran in this evaluation, in the order they ran.</summary>
    public IReadOnlyList<string> Ran { get; }

    /// <summary>Configs whose result from an earlier evaluation was still valid and was reused, in evaluation order.</summary>
    public IReadOnlyList<string> Reused { get; }

    /// <summary>Configs replaced by an input of the same name (their function does not run).</summary>
    public IReadOnlyList<string> Replaced { get; }

    /// <summary>
    /// Configs whose value is not the one the workspace's previous evaluation gave (every config the
    /// first time), in evaluation order: those that ran and returned something else, and those an input
    /// replaced whose value changed. What is not here is the same object it was: a host that keeps what
    /// it made of each config (text, keys) needs to make it again for these only.
    /// </summary>
    public IReadOnlyList<string> Changed { get; }

    /// <summary>Modules whose body ran in this evaluation (all of them the first time), in the order they ran.</summary>
    public IReadOnlyList<string> ModulesLoaded { get; }

    /// <summary>Modules that were loaded before and are gone from the folder now.</summary>
    public IReadOnlyList<string> ModulesRemoved { get; }

    /// <summary>The checks that ran and passed, in definition order (a check with <c>each=</c> once, however many configs it checked).</summary>
    public IReadOnlyList<string> ChecksPassed { get; internal init; } = [];

    /// <summary>How long each config that ran took.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Durations => _durations.Value;

    /// <summary>Reading the folder, loading modules and building the graph.</summary>
    public TimeSpan Loading { get; }

    /// <summary>The whole evaluation.</summary>
    public TimeSpan Total { get; }
}
