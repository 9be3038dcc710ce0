namespace Breezeblock.Python.Native;

internal static unsafe partial class CApi
{
    /// <summary>New reference, NULL on error. Exported on every version we support.</summary>
    public static delegate* unmanaged<nint, nint*, nuint, nint, nint> PyObject_VectorcallDict;
    /// <summary>New reference, NULL on error. Exported from 3.11; NULL before (use VectorcallDict).</summary>
    public static delegate* unmanaged<nint, nint*, nuint, nint, nint> PyObject_Vectorcall;
    /// <summary>New reference, NULL on error.</summary>
    public static delegate* unmanaged<nint, nint> PyObject_CallNoArgs;
    /// <summary>New reference, NULL on error; args is a tuple, kwargs a dict or NULL.</summary>
    public static delegate* unmanaged<nint, nint, nint, nint> PyObject_Call;

    private static void BindCalls(Symbols s)
    {
        PyObject_VectorcallDict = (delegate* unmanaged<nint, nint*, nuint, nint, nint>)s.Function("PyObject_VectorcallDict");
        PyObject_Vectorcall = (delegate* unmanaged<nint, nint*, nuint, nint, nint>)s.Optional("PyObject_Vectorcall");
        PyObject_CallNoArgs = (delegate* unmanaged<nint, nint>)s.Function("PyObject_CallNoArgs");
        PyObject_Call = (delegate* unmanaged<nint, nint, nint, nint>)s.Function("PyObject_Call");
    }

    /// <summary>
    /// Vectorcall with keyword names in a tuple (the args after <paramref name="nargs"/> are their
    /// values). New reference, NULL on error. Falls back to building a dict on 3.9/3.10.
    /// </summary>
    public static nint Vectorcall(nint callable, nint* args, nuint nargs, nint kwnames)
    {
        if (kwnames == 0)
        {
            return PyObject_VectorcallDict(callable, args, nargs, 0);
        }
        if (PyObject_Vectorcall != null)
        {
            return PyObject_Vectorcall(callable, args, nargs, kwnames);
        }
        var kwargs = PyDict_New();
        if (kwargs == 0)
        {
            return 0;
        }
        var count = PyTuple_Size(kwnames);
        for (nint i = 0; i < count; i++)
        {
            if (PyDict_SetItem(kwargs, PyTuple_GetItem(kwnames, i), args[(nint)nargs + i]) != 0)
            {
                Py_DecRef(kwargs);
                return 0;
            }
        }
        var result = PyObject_VectorcallDict(callable, args, nargs, kwargs);
        Py_DecRef(kwargs);
        return result;
    }
}
