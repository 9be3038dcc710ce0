namespace Breezeblock;

/// <summary>
/// Where a <see cref="ConfigWorkspace"/> evaluates: in this process (<see cref="InProcessWorkspace"/>)
/// or in the engine's worker process (<see cref="IsolatedWorkspace"/>). The workspace itself only
/// checks that it is open and hands each call here.
/// </summary>
internal interface IWorkspaceBackend
{
    /// <summary>The result of the last evaluation that succeeded, or null.</summary>
    ConfigResult? LastGood { get; }

    /// <summary>Files' unsaved text, read instead of the disk's.</summary>
    UnsavedFiles Unsaved { get; }

    ConfigResult Evaluate(IReadOnlyCollection<string>? targets, CancellationToken cancellationToken);

    Task<ConfigResult> EvaluateAsync(IReadOnlyCollection<string>? targets, CancellationToken cancellationToken);

    ConfigCheck Check(IReadOnlyCollection<string>? targets, bool schemas);

    void Invalidate();

    /// <summary>Releases what the workspace holds; called once.</summary>
    void Close();
}
