using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The engine's importer, made once per process from its embedded modules: folder_loader.py (the
/// finder), bytecode_cache.py, read_tracking.py and interpreter_state.py (what a pass swaps in and
/// out); each workspace has a <see cref="FolderFinder"/> of its own.
/// </summary>
internal sealed class LoaderModule
{
    private static LoaderModule? s_instance;

    private static readonly string[] AuditedReads = ["open", "os.listdir", "os.scandir"];
    private static volatile bool s_tracking;

    private LoaderModule(PythonRuntime runtime)
    {
        var bytecode = EmbeddedModule.Create(runtime, "_breezeblock_bytecode", "Loading/bytecode_cache.py");
        EmbeddedModule.SetMessages(bytecode, ("not_utf8", Messages.NotUtf8Template), ("nul_byte", Messages.NulByte));
        var reads = EmbeddedModule.Create(runtime, "_breezeblock_reads", "Loading/read_tracking.py");
        var session = EmbeddedModule.Create(runtime, "_breezeblock_session", "Loading/interpreter_state.py", ("output", OutputModule.Get(runtime)), ("reads", reads));
        var module = EmbeddedModule.Create(runtime, "_breezeblock_loader", "Loading/folder_loader.py", ("bytecode", bytecode), ("reads", reads), ("session", session));
        var audit = reads.GetAttr("audit");
        PythonAudit.Subscribe(AuditedReads, (name, arguments) =>
        {
            if (s_tracking)
            {
                using var tuple = arguments.ToPyObject();
                audit.Call(name, tuple).Dispose();
            }
        });
        InstallTracking(session, reads);
        Modules = new Dictionary<string, PyObject>(StringComparer.Ordinal)
        {
            ["_breezeblock_output"] = OutputModule.Get(runtime), ["_breezeblock_bytecode"] = bytecode,
            ["_breezeblock_reads"] = reads, ["_breezeblock_session"] = session, ["_breezeblock_loader"] = module,
        };
        FinderType = module.GetAttr("FolderFinder");
        EngineBusy = reads.GetAttr("engine_busy");
        Load = module.GetAttr("load");
        Collisions = module.GetAttr("collisions");
    }

    // The __import__ and _gcd_import (import_module's) that record what each module body and config
    // imports (see folder_loader.py): .NET functions, so they add no Python frame, that pass each call on as it came.
    private static void InstallTracking(PyObject module, PyObject reads)
    {
        var import = module.GetAttr("_real_import"); // these live as long as the process, as the functions do
        var gcdImport = module.GetAttr("_real_gcd_import");
        var note = reads.GetAttr("note_import");
        var noteGcd = reads.GetAttr("note_gcd_import");
        using var tracking = PyFunction.CreateOwned("__import__", args =>
        {
            using var name = Argument(args, 0, "name");
            using var globals = Argument(args, 1, "globals");
            using var fromlist = Argument(args, 3, "fromlist");
            using var level = Argument(args, 4, "level");
            try
            {
                return import.CallWith(args); // its outcome, whatever it is
            }
            finally
            {
                Record(() => note.Call(name, globals, fromlist, level).Dispose());
            }
        }, Doc(import, "__import__"), "builtins");
        using var trackingGcd = PyFunction.CreateOwned("_gcd_import", args =>
        {
            using var name = Argument(args, 0, "name");
            using var package = Argument(args, 1, "package");
            using var level = Argument(args, 2, "level");
            try
            {
                return gcdImport.CallWith(args);
            }
            finally
            {
                Record(() => noteGcd.Call(name, package, level).Dispose());
            }
        }, "_gcd_import($module, name, package=None, level=0)\n--\n\n" + Doc(gcdImport, null), "importlib._bootstrap");
        module.SetAttr("_tracking_import", tracking);
        module.SetAttr("_tracking_gcd_import", trackingGcd);
    }

    // What was asked for is recorded after the import, which nothing here can change.
    private static void Record(Action note)
    {
        try
        {
            note();
        }
        catch (Exception e) when (e is PythonException or InvalidCastException)
        {
            // arguments the import itself refused, or a record that cannot be made: not the import's business
        }
    }

    // An argument by position or keyword, as the original would read it; null (None) when not passed.
    private static PyObject? Argument(PyArguments args, int position, string keyword) =>
        position < args.PositionalCount ? args[position].ToPyObject() : args.TryGetKeyword(keyword, out var value) ? value.ToPyObject() : null;

    // The original's doc, with its text signature in the form CPython reads one from (inspect.signature works alike).
    private static string Doc(PyObject function, string? name)
    {
        using var doc = function.GetAttr("__doc__");
        var text = doc.IsNone ? "" : doc.As<string>();
        if (name is null || !function.HasAttr("__text_signature__"))
        {
            return text;
        }
        using var signature = function.GetAttr("__text_signature__");
        return signature.IsNone ? text : $"{name}{signature.As<string>()}\n--\n\n{text}";
    }

    /// <summary>The embedded modules by the names they run as (never in <c>sys.modules</c>: tests of them put them there).</summary>
    public IReadOnlyDictionary<string, PyObject> Modules { get; }

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
        s_instance ??= new LoaderModule(runtime);
}
