using Breezeblock.Python;

namespace Breezeblock;

/// <summary>What a workspace keeps between evaluations: its finder and modules, kept results, inputs, and its last good result.</summary>
internal sealed class WorkspaceState(PythonRuntime runtime, ConfigOptions options, IHostModules? hostModules, string root, string displayPath) : IDisposable
{
    private ConfigResult? _lastGood;

    public PythonRuntime Runtime { get; } = runtime;

    public ConfigOptions Options { get; } = options;

    public IHostModules? HostModules { get; } = hostModules;

    /// <summary>The folder's absolute path.</summary>
    public string Root { get; } = root;

    /// <summary>The folder as the application named it, for messages.</summary>
    public string DisplayPath { get; } = displayPath;

    /// <summary>The number of evaluations started so far; values and modules are stamped with it.</summary>
    public int Revision { get; set; }

    public FolderFinder? Finder { get; set; }

    public ModuleSet Modules { get; } = new();

    public ResultCache Cache { get; } = new();

    public InputSet Inputs { get; } = new();

    public GraphReuse Graph { get; } = new();

    public ConfigResult? LastGood => Volatile.Read(ref _lastGood);

    /// <summary>Keeps a successful evaluation's result. The one it replaces is left to the garbage collector, as a reader may still hold it.</summary>
    public void Keep(ConfigResult result) => Volatile.Write(ref _lastGood, result);

    public void Dispose()
    {
        Interlocked.Exchange(ref _lastGood, null)?.Dispose();
        Cache.Dispose();
        Inputs.Dispose();
        Modules.Dispose();
        Finder?.Dispose();
        Finder = null;
    }
}
