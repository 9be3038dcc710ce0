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

    public ModuleSet Modules { get; private set; } = new();

    /// <summary>The last listing of the folder, with what executed since: the next reads only the files whose stamps changed.</summary>
    public SourceFolder? Listing { get; set; }

    /// <summary>What the last pass's load phase left (the folder, what ran and registered), or null before one.</summary>
    public LoadedFolder? Loaded { get; set; }

    /// <summary>What the last pass's check phase left (the graph and every problem), or null before one.</summary>
    public CheckedConfigs? Checked { get; set; }

    /// <summary>The pass running now, for the workspace to give up on it should it not stop.</summary>
    public PassScope? ActivePass { get; set; }

    /// <summary>Set when a pass was stopped halfway through loading: the next starts from nothing.</summary>
    public bool MustReload { get; set; }

    /// <summary>
    /// A message when a pass could not be stopped and was given up on: its thread may still run the
    /// folder's code, so the workspace is not used again.
    /// </summary>
    public string? Abandoned { get; set; }

    /// <summary>Forgets every loaded module and kept result, as if the workspace were new.</summary>
    public void ForgetModules()
    {
        Loaded = null;
        Checked = null;
        Listing = null;
        Results.Clear();
        Graph.Forget();
        Modules.Dispose();
        Modules = new ModuleSet();
        Finder?.Dispose();
        Finder = null;
        MustReload = false;
    }

    /// <summary>What the workspace remembers of the configs that ran: their results, or nothing for an evaluation made once.</summary>
    public IResultMemory Results { get; init; } = new ResultCache();

    public InputSet Inputs { get; } = new();

    /// <summary>Files' text as an editor holds it, read instead of the disk's.</summary>
    public UnsavedFiles Unsaved { get; } = new();

    public GraphReuse Graph { get; } = new();

    /// <summary>What the static type check found for each edge, kept while its functions stay the same.</summary>
    public WiringTypes Types { get; } = new();

    public ConfigResult? LastGood => Volatile.Read(ref _lastGood);

    /// <summary>Warnings every result of this workspace carries (the engine could not start Python as asked).</summary>
    public IReadOnlyList<ConfigError> StandingWarnings { get; init; } = [];

    /// <summary>Keeps a successful evaluation's result. The one it replaces is left to the garbage collector, as a reader may still hold it.</summary>
    public void Keep(ConfigResult result) => Volatile.Write(ref _lastGood, result);

    public void Dispose()
    {
        Interlocked.Exchange(ref _lastGood, null)?.Dispose();
        Results.Dispose();
        Inputs.Dispose();
        Modules.Dispose();
        Finder?.Dispose();
        Finder = null;
    }
}
