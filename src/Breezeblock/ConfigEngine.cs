using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Evaluates folders of Python configuration: every <c>@configure</c> function runs once, after the
/// configs its parameters name, and the results come back as .NET values.
/// <code>
/// using var engine = new ConfigEngine(options);   // finds and starts CPython
/// ConfigResult result = engine.Evaluate("configs");
/// </code>
/// Evaluations are serialized process-wide (they share one interpreter) and run on a Python worker
/// thread with a large stack. An engine can be used from any thread.
/// </summary>
public sealed class ConfigEngine : IDisposable
{
    private static readonly SemaphoreSlim s_evaluation = new(1, 1);

    [ThreadStatic]
    private static bool t_evaluating;

    private readonly ConfigOptions _options;
    private readonly HostModules? _hostModules;

    /// <summary>Starts Python (once per process) as <paramref name="options"/> say.</summary>
    /// <exception cref="PythonNotFoundException">No usable Python was found; the message says where it looked.</exception>
    /// <exception cref="PythonStartException">Python was found but could not start.</exception>
    public ConfigEngine(ConfigOptions? options = null)
    {
        _options = options ?? new ConfigOptions();
        _hostModules = _options.HostModules.Count > 0 ? new HostModules(_options.HostModules) : null;
        Runtime = PythonRuntime.Initialize(_options.Python);
    }

    /// <summary>The Python runtime the engine uses.</summary>
    public PythonRuntime Runtime { get; }

    /// <summary>
    /// Evaluates every config in <paramref name="folder"/>, or only <paramref name="targets"/> and
    /// what they need (nothing else runs).
    /// </summary>
    /// <exception cref="ConfigException">The configuration has errors; all load-time errors are reported together.</exception>
    /// <exception cref="OperationCanceledException">Cancelled between two configure functions.</exception>
    public ConfigResult Evaluate(string folder, IEnumerable<string>? targets = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var source = SourceFolder.Discover(folder);
        var targetList = targets?.ToList();
        return Runtime.Run(() => EvaluateLocked(source, targetList, cancellationToken));
    }

    /// <summary>Like <see cref="Evaluate"/>, without blocking the calling thread.</summary>
    public Task<ConfigResult> EvaluateAsync(string folder, IEnumerable<string>? targets = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var source = SourceFolder.Discover(folder);
        var targetList = targets?.ToList();
        return Runtime.RunAsync(() => EvaluateLocked(source, targetList, cancellationToken));
    }

    // Runs with the GIL held. Another evaluation may hold the lock while Python has let go of the GIL
    // (time.sleep, I/O), so the wait happens with the GIL released.
    private ConfigResult EvaluateLocked(SourceFolder folder, IReadOnlyCollection<string>? targets, CancellationToken cancellationToken)
    {
        if (t_evaluating)
        {
            throw new InvalidOperationException("Evaluate was called from inside an evaluation (a configure function or host callback); evaluations cannot nest");
        }
        if (!s_evaluation.Wait(0, CancellationToken.None))
        {
            using (Runtime.AllowThreads())
            {
                s_evaluation.Wait(cancellationToken);
            }
        }
        t_evaluating = true;
        try
        {
            return new EvaluationRun(Runtime, _options, _hostModules).Execute(folder, targets, cancellationToken);
        }
        finally
        {
            t_evaluating = false;
            s_evaluation.Release();
        }
    }

    /// <summary>
    /// Writes <c>.pyi</c> stubs for <c>breezeblock</c> and every host module into
    /// <paramref name="directory"/> (point the editor's stub path at it); returns the files written.
    /// </summary>
    public IReadOnlyList<string> WriteStubs(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return StubWriter.Write(directory, _hostModules?.Builders ?? []);
    }

    /// <summary>Nothing to release today: Python lives as long as the process, and results own their values.</summary>
    public void Dispose()
    {
    }
}
