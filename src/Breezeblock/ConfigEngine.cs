using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Evaluates folders of Python configuration: every <c>@configure</c> function runs once, after the
/// configs its parameters name, and the results come back as .NET values.
/// <code>
/// using var engine = new ConfigEngine(options);   // finds and starts CPython
/// ConfigResult result = engine.Evaluate("configs");
/// using var workspace = engine.OpenWorkspace("configs");   // or keep it loaded, and evaluate again as it changes
/// </code>
/// Evaluations are serialized process-wide (they share one interpreter) and run on a Python worker
/// thread with a large stack. An engine can be used from any thread.
/// </summary>
public sealed class ConfigEngine : IDisposable
{
    private readonly ConfigOptions _options;
    private readonly IHostModules? _hostModules;

    /// <summary>Starts Python (once per process) as <paramref name="options"/> say.</summary>
    /// <exception cref="PythonNotFoundException">No usable Python was found; the message says where it looked.</exception>
    /// <exception cref="PythonStartException">Python was found but could not start.</exception>
    public ConfigEngine(ConfigOptions? options = null)
    {
        _options = options ?? new ConfigOptions();
        _hostModules = _options.HostReflection?.CreateModules(_options.HostModules);
        if (_options.Isolation == ConfigIsolation.InProcess)
        {
            _runtime = StartPython();
        }
        else
        {
            _worker = new WorkerClient(_options); // Python starts in the worker, when the first evaluation needs it
        }
    }

    private PythonRuntime? _runtime;
    private readonly WorkerClient? _worker;
    private readonly GilSafeLock _starting = new(); // taken with the GIL held

    /// <summary>The Python runtime the engine uses in this process (with <see cref="ConfigIsolation.Process"/>, started only when asked for).</summary>
    public PythonRuntime Runtime
    {
        get
        {
            using (_starting.Enter())
            {
                return _runtime ??= StartPython();
            }
        }
    }

    private PythonRuntime StartPython()
    {
        if (_options.Hermetic || _options.FixedHashSeed)
        {
            _options.Python.HashSeed ??= 0;
        }
        var runtime = PythonRuntime.Initialize(_options.Python);
        runtime.Run(() =>
        {
            ProcessGuards.Install(runtime);
            using var flags = runtime.Evaluate("__import__('sys').flags.hash_randomization");
            var random = flags.As<long>() != 0;
            if (random && _options.Hermetic)
            {
                throw new PythonStartException(Messages.HermeticNeedsHashSeed);
            }
            if (random && _options.FixedHashSeed)
            {
                _standingWarnings = [new ConfigError(ConfigErrorKind.RandomHashSeed, Messages.RandomHashSeed, null) { Hint = Messages.RandomHashSeedHint }];
            }
        });
        return runtime;
    }

    // Said with every result: what the engine could not make as its options asked (a random hash seed).
    private IReadOnlyList<ConfigError> _standingWarnings = [];

    /// <summary>
    /// A workspace for <paramref name="folder"/>: it keeps the folder loaded, and each of its
    /// evaluations runs only what changed since the last. The folder is read at each evaluation, so it
    /// need not exist yet.
    /// </summary>
    public ConfigWorkspace OpenWorkspace(string folder) => OpenWorkspace(folder, singleUse: false);

    private ConfigWorkspace OpenWorkspace(string folder, bool singleUse)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return _worker is { } worker
            ? new ConfigWorkspace(folder, root => new IsolatedWorkspace(worker, _options, root, folder))
            : new ConfigWorkspace(folder, root => new InProcessWorkspace(new WorkspaceState(Runtime, _options, _hostModules, root, folder)
            {
                Results = singleUse ? new NoResultMemory() : new ResultCache(), // evaluated once: nothing kept for a next time
                StandingWarnings = _standingWarnings,
            }));
    }

    /// <summary>
    /// Evaluates every config in <paramref name="folder"/>, or only <paramref name="targets"/> and
    /// what they need (nothing else runs): a workspace used once.
    /// </summary>
    /// <exception cref="ConfigException">The configuration has errors; all load-time errors are reported together, and all configs that failed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled between two configure functions.</exception>
    public ConfigResult Evaluate(string folder, IEnumerable<string>? targets = null, CancellationToken cancellationToken = default)
    {
        using var workspace = OpenWorkspace(folder, singleUse: true);
        return workspace.Evaluate(targets, cancellationToken);
    }

    /// <summary>Like <see cref="Evaluate"/>, without blocking the calling thread.</summary>
    public async Task<ConfigResult> EvaluateAsync(string folder, IEnumerable<string>? targets = null, CancellationToken cancellationToken = default)
    {
        using var workspace = OpenWorkspace(folder, singleUse: true);
        return await workspace.EvaluateAsync(targets, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes <c>.pyi</c> stubs for <c>breezeblock</c> and every host module into
    /// <paramref name="directory"/> (point the editor's stub path at it); returns the files written.
    /// </summary>
    public IReadOnlyList<string> WriteStubs(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return _options.HostReflection is { } hosts ? hosts.WriteStubs(directory, _options.HostModules) : StubWriter.WriteBreezeblock(directory);
    }

    /// <summary>
    /// Where a config file's functions, their names, <c>name=</c> arguments and parameters are, and
    /// where each parameter is read, from <paramref name="text"/> with Python's parser, running nothing:
    /// what an editor needs to go from a parameter to its config and to rename one. Text that does not
    /// parse gives an outline with <see cref="SourceOutline.SyntaxErrorLine"/> set.
    /// </summary>
    public SourceOutline Outline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SourceOutlines.Read(Runtime, text);
    }

    /// <summary>
    /// Where the value at <paramref name="path"/> (keys and indexes) inside <paramref name="config"/>'s
    /// result is computed, read from its source without running anything: a dict display's key, a
    /// call's keyword argument, a list's item, through locals assigned once. Null when the source does
    /// not say plainly (a value built in a loop, several returns).
    /// </summary>
    public ValueOrigin? FindOrigin(ConfigProvenance config, IReadOnlyList<object> path)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(path);
        return ValueOrigins.Find(Runtime, config, path);
    }

    /// <summary>Ends the worker process, if there is one; Python in this process lives as long as the process, and workspaces and results own their values.</summary>
    public void Dispose() => _worker?.Dispose();
}
