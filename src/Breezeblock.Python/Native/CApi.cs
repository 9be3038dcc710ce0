namespace Breezeblock.Python.Native;

/// <summary>
/// CPython's C API as function pointers, one file per API area. Fields keep the C names so the
/// code reads like the C documentation. Every <c>nint</c> is a <c>PyObject*</c>; each entry says
/// whether it returns a new or a borrowed reference and whether it steals one.
/// Nothing here checks errors: callers go through <see cref="Check"/> or handle NULL/-1 themselves.
/// </summary>
internal static unsafe partial class CApi
{
    private static nint s_library;

    /// <summary>The path the library was loaded from.</summary>
    public static string LibraryPath { get; private set; } = "";

    public static bool IsLoaded => s_library != 0;

    /// <summary>Binds every entry point; throws naming the first symbol the library lacks.</summary>
    public static void Load(string libraryPath)
    {
        var library = PythonLibrary.Open(libraryPath);
        var symbols = new Symbols(library, libraryPath);
        BindObjects(symbols);
        BindCalls(symbols);
        BindNumbers(symbols);
        BindStrings(symbols);
        BindCollections(symbols);
        BindErrors(symbols);
        BindModules(symbols);
        BindThreads(symbols);
        BindLifecycle(symbols);
        BindTypes(symbols);
        BindAudit(symbols);
        s_library = library;
        LibraryPath = libraryPath;
    }

    /// <summary>Resolves symbols of one library and names the library when one is missing.</summary>
    private readonly struct Symbols(nint library, string path)
    {
        public nint Function(string name)
        {
            var address = PythonLibrary.Symbol(library, name);
            return address != 0
                ? address
                : throw new EntryPointNotFoundException($"{path} does not export {name}; it is not a CPython 3.9+ library this binding supports");
        }

        public nint Optional(string name) => PythonLibrary.Symbol(library, name);

        /// <summary>The value of an exported <c>PyObject*</c> variable such as <c>PyExc_TypeError</c>.</summary>
        public nint PointerVariable(string name) => *(nint*)Function(name);

        /// <summary>The address of an exported object such as <c>_Py_NoneStruct</c> or <c>PyLong_Type</c>.</summary>
        public nint Object(string name) => Function(name);
    }

    /// <summary>
    /// <c>Py_TYPE(o)</c>: reads <c>ob_type</c> from the object header. The header (<c>ob_refcnt</c>, then
    /// <c>ob_type</c>) is part of the stable ABI of every GIL build we load; free-threaded builds,
    /// whose header differs, are refused at load time. We never write the header.
    /// </summary>
    public static nint Py_TYPE(nint o) => *(nint*)(o + sizeof(nint));
}
