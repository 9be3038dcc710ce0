using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// A folder of configs kept loaded between evaluations. Each <see cref="Evaluate"/> reads the folder
/// and <see cref="ConfigOptions.Inputs"/> again and runs only what changed since the last one:
/// modules whose files changed (and the modules that import them), and configs whose function, inputs,
/// dependencies' values or files read changed. Every other result is reused, and a reused result is
/// exactly what running it again would give, because configs receive their inputs read-only.
/// <code>
/// using var workspace = engine.OpenWorkspace("configs");
/// using var first = workspace.Evaluate();
/// // ... a file changes ...
/// using var second = workspace.Evaluate();     // second.Report.Ran: only what the change affected
/// </code>
/// An evaluation that fails leaves <see cref="LastGoodResult"/> as it was; fixing the folder recovers
/// without reopening. Workspaces on different folders live side by side and never see each other's
/// modules; evaluations run one at a time in the process. Methods may be called from any thread.
/// </summary>
public sealed class ConfigWorkspace : IDisposable
{
    private readonly IWorkspaceBackend _backend;
    private int _disposed;

    internal ConfigWorkspace(string folder, Func<string, IWorkspaceBackend> backend)
    {
        Folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _backend = backend(Folder);
    }

    /// <summary>The folder's absolute path.</summary>
    public string Folder { get; }

    /// <summary>The result of the last evaluation that succeeded, or null before one has. The workspace owns it (disposing it is not needed).</summary>
    public ConfigResult? LastGoodResult => _backend.LastGood;

    /// <summary>
    /// Evaluates every config, or only <paramref name="targets"/> and what they need, running only what
    /// changed since the last evaluation. The caller owns the result. Cancelling, or the deadline of
    /// <see cref="ConfigOptions.Timeout"/>, interrupts the Python code running.
    /// </summary>
    /// <exception cref="ConfigException">The configuration has errors: all load-time errors together, or every config that failed while running; or the evaluation passed its time limit (<see cref="ConfigErrorKind.Timeout"/>), or could not be stopped (<see cref="ConfigErrorKind.Unstoppable"/>: the workspace cannot be used again).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public ConfigResult Evaluate(IEnumerable<string>? targets = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _backend.Evaluate(targets?.ToList(), cancellationToken);
    }

    /// <summary>Like <see cref="Evaluate"/>, without blocking the calling thread.</summary>
    public Task<ConfigResult> EvaluateAsync(IEnumerable<string>? targets = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _backend.EvaluateAsync(targets?.ToList(), cancellationToken);
    }

    /// <summary>
    /// Loads the modules that changed, reads what they register and checks the graph and the inputs,
    /// without running any configure function: every problem is reported in the result, none thrown
    /// (but for <see cref="ConfigErrorKind.Timeout"/>: module bodies run, and the time limit holds).
    /// A later <see cref="Evaluate"/> reuses what the check loaded.
    /// </summary>
    /// <param name="targets">Describe only these configs and what they need (an unknown name is an error in the result).</param>
    public ConfigCheck Check(IEnumerable<string>? targets = null) => Check(targets, schemas: false);

    /// <summary>
    /// <see cref="Check(IEnumerable{string}?)"/>, and with <paramref name="schemas"/> the JSON Schema of
    /// each config whose function annotates its return (<see cref="ConfigCheck.Schemas"/>), from its
    /// annotation: dataclasses, TypedDict, Literal, lists, dicts, unions and Annotated constraints.
    /// </summary>
    public ConfigCheck Check(IEnumerable<string>? targets, bool schemas)
    {
        ThrowIfDisposed();
        return _backend.Check(targets?.ToList(), schemas);
    }

    /// <summary>
    /// Reads <paramref name="text"/> for the file at <paramref name="path"/> instead of what is on disk,
    /// from the next evaluation or check on, until called again with null: an editor's unsaved buffer.
    /// A path inside the folder that is not on disk yet is loaded as a new module. Changing the text
    /// re-runs what depends on it, as saving the file would.
    /// </summary>
    public void SetUnsavedText(string path, string? text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ThrowIfDisposed();
        _backend.Unsaved.Set(path, text);
    }

    // The worker process's copy of a host's unsaved files, replaced with each request.
    internal void ReplaceUnsaved(IEnumerable<KeyValuePair<string, string>> files) => _backend.Unsaved.Replace(files);

    /// <summary>
    /// Forgets every kept result, so the next evaluation runs every config (modules stay loaded). For
    /// when something the workspace cannot see has changed, such as what a host function returns.
    /// </summary>
    public void Invalidate()
    {
        ThrowIfDisposed();
        _backend.Invalidate();
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    /// <summary>Releases the folder's modules and every kept result (waiting for a running evaluation to end).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _backend.Close();
        }
    }
}
