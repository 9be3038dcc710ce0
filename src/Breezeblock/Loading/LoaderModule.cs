using Breezeblock.Python;

namespace Breezeblock;

/// <summary>The engine's importer (the embedded folder_loader.py), made once per process.</summary>
internal sealed class LoaderModule
{
    private static LoaderModule? s_instance;

    private LoaderModule(PyObject module)
    {
        Module = module;
        Install = module.GetAttr("install");
        Uninstall = module.GetAttr("uninstall");
        Load = module.GetAttr("load");
        DescribeAll = module.GetAttr("describe_all");
        InstalledLocation = module.GetAttr("installed_location");
        Enter = module.GetAttr("enter");
        Leave = module.GetAttr("leave");
    }

    public PyObject Module { get; }

    /// <summary><c>install(table, cache_dir) -> finder</c>: puts a finder for the folder first on sys.meta_path.</summary>
    public PyObject Install { get; }

    /// <summary><c>uninstall(finder)</c>: removes the finder and the folder's modules from sys.modules.</summary>
    public PyObject Uninstall { get; }

    /// <summary><c>load(name)</c>: imports one module of the folder.</summary>
    public PyObject Load { get; }

    /// <summary><c>describe_all(registry) -> [(name, parameters, *args, **kwargs, file, line, error)]</c>.</summary>
    public PyObject DescribeAll { get; }

    /// <summary><c>installed_location(name) -> str | None</c>: where an installed module of that name lives.</summary>
    public PyObject InstalledLocation { get; }

    /// <summary><c>enter(redirect_print) -> state</c>: saves sys.path and sys.stdout.</summary>
    public PyObject Enter { get; }

    /// <summary><c>leave(state)</c>: restores them.</summary>
    public PyObject Leave { get; }

    /// <summary>The qualified name of the error raised when a module imports one that already failed.</summary>
    public const string DependencyFailedType = "_breezeblock_loader.DependencyFailed";

    public static LoaderModule Get(PythonRuntime runtime) =>
        s_instance ??= new LoaderModule(EmbeddedModule.Create(runtime, "_breezeblock_loader", "Loading/folder_loader.py"));
}
