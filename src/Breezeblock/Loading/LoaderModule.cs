using Breezeblock.Python;

namespace Breezeblock;

/// <summary>The engine's importer (the embedded folder_loader.py), made once per process; each workspace has a <see cref="FolderFinder"/> of its own.</summary>
internal sealed class LoaderModule
{
    private static LoaderModule? s_instance;

    private static readonly string[] AuditedReads = ["open", "os.listdir", "os.scandir"];
    private static volatile bool s_tracking;

    private LoaderModule(PyObject module)
    {
        EmbeddedModule.SetMessages(module,
            ("not_utf8", Messages.NotUtf8Template),
            ("output_truncated", Messages.OutputTruncatedTemplate),
            ("nul_byte", Messages.NulByte));
        var audit = module.GetAttr("audit");
        PythonAudit.Subscribe(AuditedReads, (name, arguments) =>
        {
            if (s_tracking)
            {
                using var tuple = arguments.ToPyObject();
                audit.Call(name, tuple).Dispose();
            }
        });
        FinderType = module.GetAttr("FolderFinder");
        EngineBusy = module.GetAttr("engine_busy");
        Load = module.GetAttr("load");
        Collisions = module.GetAttr("collisions");
    }

    /// <summary><c>engine_busy() -> bool</c>: the engine's own I/O runs on the evaluating thread now.</summary>
    public PyObject EngineBusy { get; }

    /// <summary><c>FolderFinder(root, cache_dir)</c>.</summary>
    public PyObject FinderType { get; }

    /// <summary><c>load(name)</c>: imports one module of the folder.</summary>
    public PyObject Load { get; }

    /// <summary><c>collisions(names, check_installed) -> {name: where}</c>: top-level names already taken.</summary>
    public PyObject Collisions { get; }


    /// <summary>While a workspace evaluates, files opened and folders listed are passed to its finder (the audit events of <c>open</c>, <c>os.listdir</c>, <c>os.scandir</c>).</summary>
    public static bool Tracking
    {
        get => s_tracking;
        set => s_tracking = value;
    }

    /// <summary>The qualified name of the error raised when a module imports one that already failed.</summary>
    public const string DependencyFailedType = "_breezeblock_loader.DependencyFailed";

    public static LoaderModule Get(PythonRuntime runtime) =>
        s_instance ??= new LoaderModule(EmbeddedModule.Create(runtime, "_breezeblock_loader", "Loading/folder_loader.py"));
}
