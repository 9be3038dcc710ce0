namespace Breezeblock.Python.Native;

internal static unsafe partial class CApi
{
    /// <summary>Borrowed reference to the pending exception type, or NULL.</summary>
    public static delegate* unmanaged<nint> PyErr_Occurred;
    /// <summary>Moves the pending exception out as three new references (any may be NULL) and clears it.</summary>
    public static delegate* unmanaged<nint*, nint*, nint*, void> PyErr_Fetch;
    /// <summary>Steals all three references and makes them the pending exception.</summary>
    public static delegate* unmanaged<nint, nint, nint, void> PyErr_Restore;
    public static delegate* unmanaged<nint*, nint*, nint*, void> PyErr_NormalizeException;
    public static delegate* unmanaged<void> PyErr_Clear;
    public static delegate* unmanaged<nint, byte*, void> PyErr_SetString;
    public static delegate* unmanaged<nint, nint, void> PyErr_SetObject;
    public static delegate* unmanaged<nint, int> PyErr_ExceptionMatches;
    public static delegate* unmanaged<nint, nint, int> PyErr_GivenExceptionMatches;
    /// <summary>Does not steal; 0 or -1.</summary>
    public static delegate* unmanaged<nint, nint, int> PyException_SetTraceback;
    /// <summary>New references or NULL.</summary>
    public static delegate* unmanaged<nint, nint> PyException_GetTraceback;

    /// <summary>
    /// <c>int PyCode_Addr2Location(PyCodeObject *co, int byte_offset, int *start_line, int *start_column, int *end_line, int *end_column)</c>:
    /// the source span of the instruction at <c>byte_offset</c> (a traceback's <c>tb_lasti</c>); columns are
    /// 0-based UTF-8 byte offsets, -1 when unknown. Returns 1. Python 3.11 and newer; null before.
    /// </summary>
    public static delegate* unmanaged<nint, int, int*, int*, int*, int*, int> PyCode_Addr2Location;
    public static delegate* unmanaged<nint, nint> PyException_GetCause;
    public static delegate* unmanaged<nint, nint> PyException_GetContext;

    public static nint PyExc_BaseException;
    public static nint PyExc_Exception;
    public static nint PyExc_TypeError;
    public static nint PyExc_ValueError;
    public static nint PyExc_KeyError;
    public static nint PyExc_IndexError;
    public static nint PyExc_AttributeError;
    public static nint PyExc_RuntimeError;
    public static nint PyExc_OverflowError;
    public static nint PyExc_NotImplementedError;
    public static nint PyExc_StopIteration;
    public static nint PyExc_TimeoutError;
    public static nint PyExc_OSError;
    public static nint PyExc_FileNotFoundError;
    public static nint PyExc_PermissionError;
    public static nint PyExc_ZeroDivisionError;
    public static nint PyExc_SyntaxError;
    public static nint PyExc_SystemExit;
    public static nint PyExc_KeyboardInterrupt;
    public static nint PyExc_MemoryError;
    public static nint PyExc_RecursionError;

    private static void BindErrors(Symbols s)
    {
        PyErr_Occurred = (delegate* unmanaged<nint>)s.Function("PyErr_Occurred");
        PyErr_Fetch = (delegate* unmanaged<nint*, nint*, nint*, void>)s.Function("PyErr_Fetch");
        PyErr_Restore = (delegate* unmanaged<nint, nint, nint, void>)s.Function("PyErr_Restore");
        PyErr_NormalizeException = (delegate* unmanaged<nint*, nint*, nint*, void>)s.Function("PyErr_NormalizeException");
        PyErr_Clear = (delegate* unmanaged<void>)s.Function("PyErr_Clear");
        PyErr_SetString = (delegate* unmanaged<nint, byte*, void>)s.Function("PyErr_SetString");
        PyErr_SetObject = (delegate* unmanaged<nint, nint, void>)s.Function("PyErr_SetObject");
        PyErr_ExceptionMatches = (delegate* unmanaged<nint, int>)s.Function("PyErr_ExceptionMatches");
        PyErr_GivenExceptionMatches = (delegate* unmanaged<nint, nint, int>)s.Function("PyErr_GivenExceptionMatches");
        PyException_SetTraceback = (delegate* unmanaged<nint, nint, int>)s.Function("PyException_SetTraceback");
        PyException_GetTraceback = (delegate* unmanaged<nint, nint>)s.Function("PyException_GetTraceback");
        PyCode_Addr2Location = (delegate* unmanaged<nint, int, int*, int*, int*, int*, int>)s.Optional("PyCode_Addr2Location");
        PyException_GetCause = (delegate* unmanaged<nint, nint>)s.Function("PyException_GetCause");
        PyException_GetContext = (delegate* unmanaged<nint, nint>)s.Function("PyException_GetContext");
        PyExc_BaseException = s.PointerVariable("PyExc_BaseException");
        PyExc_Exception = s.PointerVariable("PyExc_Exception");
        PyExc_TypeError = s.PointerVariable("PyExc_TypeError");
        PyExc_ValueError = s.PointerVariable("PyExc_ValueError");
        PyExc_KeyError = s.PointerVariable("PyExc_KeyError");
        PyExc_IndexError = s.PointerVariable("PyExc_IndexError");
        PyExc_AttributeError = s.PointerVariable("PyExc_AttributeError");
        PyExc_RuntimeError = s.PointerVariable("PyExc_RuntimeError");
        PyExc_OverflowError = s.PointerVariable("PyExc_OverflowError");
        PyExc_NotImplementedError = s.PointerVariable("PyExc_NotImplementedError");
        PyExc_StopIteration = s.PointerVariable("PyExc_StopIteration");
        PyExc_TimeoutError = s.PointerVariable("PyExc_TimeoutError");
        PyExc_OSError = s.PointerVariable("PyExc_OSError");
        PyExc_FileNotFoundError = s.PointerVariable("PyExc_FileNotFoundError");
        PyExc_PermissionError = s.PointerVariable("PyExc_PermissionError");
        PyExc_ZeroDivisionError = s.PointerVariable("PyExc_ZeroDivisionError");
        PyExc_SyntaxError = s.PointerVariable("PyExc_SyntaxError");
        PyExc_SystemExit = s.PointerVariable("PyExc_SystemExit");
        PyExc_KeyboardInterrupt = s.PointerVariable("PyExc_KeyboardInterrupt");
        PyExc_MemoryError = s.PointerVariable("PyExc_MemoryError");
        PyExc_RecursionError = s.PointerVariable("PyExc_RecursionError");
    }
}
