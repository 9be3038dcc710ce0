namespace Breezeblock;

/// <summary>
/// A workspace whose folder is evaluated by the engine's worker process: the worker keeps the folder
/// loaded between evaluations (so they are incremental there), and results come back as data.
/// </summary>
internal sealed class IsolatedWorkspace(WorkerClient worker, ConfigOptions options, string folder, string display) : IWorkspaceBackend
{
    private readonly PlainData _plain = new(null, HostObjectRenderer.Instance);
    private ConfigResult? _lastGood;

    public ConfigResult? LastGood => Volatile.Read(ref _lastGood);

    public UnsavedFiles Unsaved { get; } = new();

    public ConfigResult Evaluate(IReadOnlyCollection<string>? targets, CancellationToken cancellationToken)
    {
        using var stop = new EvaluationStop(options.Timeout, cancellationToken);
        var request = WorkerMessages.Evaluate("evaluate", folder, display, targets, Inputs(), options);
        request["unsaved"] = Unsaved.AsText();
        var (_, snapshot) = worker.Request(request, stop, Folder);
        Volatile.Write(ref _lastGood, ConfigResult.FromSnapshotJson(snapshot));
        return ConfigResult.FromSnapshotJson(snapshot);
    }

    public Task<ConfigResult> EvaluateAsync(IReadOnlyCollection<string>? targets, CancellationToken cancellationToken) =>
        Task.Run(() => Evaluate(targets, cancellationToken), CancellationToken.None);

    public ConfigCheck Check(IReadOnlyCollection<string>? targets, bool schemas)
    {
        using var stop = new EvaluationStop(options.Timeout, CancellationToken.None);
        var request = WorkerMessages.Evaluate("check", folder, display, targets, Inputs(), options);
        request["schemas"] = schemas;
        request["unsaved"] = Unsaved.AsText();
        var (_, snapshot) = worker.Request(request, stop, Folder);
        return CheckSnapshot.Read(snapshot);
    }

    public void Invalidate() => worker.Tell(WorkerMessages.Folder("invalidate", folder), Folder);

    public void Close() => worker.Tell(WorkerMessages.Folder("close", folder), Folder);

    // Inputs cross as plain data: host objects as their attributes, and not as themselves.
    private Dictionary<string, object?> Inputs() =>
        options.Inputs.ToDictionary(p => p.Key, p => _plain.FromDotnetValue(p.Value, p.Key), StringComparer.Ordinal);

    private SourceFolder Folder() => SourceFolder.Discover(folder, display, maxFileBytes: options.Limits.MaxFileBytes);
}
