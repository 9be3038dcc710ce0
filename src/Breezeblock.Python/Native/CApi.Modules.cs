namespace Breezeblock.Python.Native;

internal static unsafe partial class CApi
{
    /// <summary>New reference, NULL on error.</summary>
    public static delegate* unmanaged<byte*, nint> PyImport_ImportModule;
    /// <summary>Borrowed reference to sys.modules.</summary>
    public static delegate* unmanaged<nint> PyImport_GetModuleDict;
    /// <summary>New reference, NULL on error.</summary>
    public static delegate* unmanaged<byte*, nint> PyModule_New;
    /// <summary>Borrowed reference.</summary>
    public static delegate* unmanaged<nint, nint> PyModule_GetDict;
    /// <summary>New reference (a code object), NULL on error. Start symbol 257 is Py_file_input, 258 Py_eval_input.</summary>
    public static delegate* unmanaged<byte*, byte*, int, void*, int, nint> Py_CompileStringExFlags;
    /// <summary>New reference, NULL on error.</summary>
    public static delegate* unmanaged<nint, nint, nint, nint> PyEval_EvalCode;
    /// <summary>Borrowed reference to the builtins dict.</summary>
    public static delegate* unmanaged<nint> PyEval_GetBuiltins;
    /// <summary>New reference (bytes), NULL on error.</summary>
    public static delegate* unmanaged<nint, int, nint> PyMarshal_WriteObjectToString;
    /// <summary>New reference, NULL on error.</summary>
    public static delegate* unmanaged<byte*, nint, nint> PyMarshal_ReadObjectFromString;
    /// <summary>Borrowed reference, NULL when missing (no error set).</summary>
    public static delegate* unmanaged<byte*, nint> PySys_GetObject;
    /// <summary>Does not steal; 0 or -1.</summary>
    public static delegate* unmanaged<byte*, nint, int> PySys_SetObject;

    public const int Py_file_input = 257;
    public const int Py_eval_input = 258;

    private static void BindModules(Symbols s)
    {
        PyImport_ImportModule = (delegate* unmanaged<byte*, nint>)s.Function("PyImport_ImportModule");
        PyImport_GetModuleDict = (delegate* unmanaged<nint>)s.Function("PyImport_GetModuleDict");
        PyModule_New = (delegate* unmanaged<byte*, nint>)s.Function("PyModule_New");
        PyModule_GetDict = (delegate* unmanaged<nint, nint>)s.Function("PyModule_GetDict");
        Py_CompileStringExFlags = (delegate* unmanaged<byte*, byte*, int, void*, int, nint>)s.Function("Py_CompileStringExFlags");
        PyEval_EvalCode = (delegate* unmanaged<nint, nint, nint, nint>)s.Function("PyEval_EvalCode");
        PyEval_GetBuiltins = (delegate* unmanaged<nint>)s.Function("PyEval_GetBuiltins");
        PyMarshal_WriteObjectToString = (delegate* unmanaged<nint, int, nint>)s.Function("PyMarshal_WriteObjectToString");
        PyMarshal_ReadObjectFromString = (delegate* unmanaged<byte*, nint, nint>)s.Function("PyMarshal_ReadObjectFromString");
        PySys_GetObject = (delegate* unmanaged<byte*, nint>)s.Function("PySys_GetObject");
        PySys_SetObject = (delegate* unmanaged<byte*, nint, int>)s.Function("PySys_SetObject");
    }
}
