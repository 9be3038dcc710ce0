namespace Breezeblock.Python.Native;

internal static unsafe partial class CApi
{
    public static delegate* unmanaged<nint, void> Py_IncRef;
    public static delegate* unmanaged<nint, void> Py_DecRef;

    /// <summary>New reference, NULL on error.</summary>
    public static delegate* unmanaged<nint, byte*, nint> PyObject_GetAttrString;
    /// <summary>New reference, NULL on error.</summary>
    public static delegate* unmanaged<nint, nint, nint> PyObject_GetAttr;
    /// <summary>0, or -1 on error. Does not steal.</summary>
    public static delegate* unmanaged<nint, byte*, nint, int> PyObject_SetAttrString;
    public static delegate* unmanaged<nint, nint, nint, int> PyObject_SetAttr;
    /// <summary>1 or 0; swallows errors.</summary>
    public static delegate* unmanaged<nint, byte*, int> PyObject_HasAttrString;
    /// <summary>New reference (a str), NULL on error.</summary>
    public static delegate* unmanaged<nint, nint> PyObject_Str;
    public static delegate* unmanaged<nint, nint> PyObject_Repr;
    /// <summary>1, 0, or -1 on error.</summary>
    public static delegate* unmanaged<nint, nint, int, int> PyObject_RichCompareBool;
    public static delegate* unmanaged<nint, nint> PyObject_Hash;
    public static delegate* unmanaged<nint, int> PyObject_IsTrue;
    public static delegate* unmanaged<nint, nint, int> PyObject_IsInstance;
    /// <summary>New reference, NULL on error.</summary>
    public static delegate* unmanaged<nint, nint, nint> PyObject_GetItem;
    public static delegate* unmanaged<nint, nint, nint, int> PyObject_SetItem;
    public static delegate* unmanaged<nint, nint, int> PyObject_DelItem;
    public static delegate* unmanaged<nint, nint> PyObject_Size;
    /// <summary>New reference, NULL on error.</summary>
    public static delegate* unmanaged<nint, nint> PyObject_GetIter;
    /// <summary>New reference; NULL at the end (no error set) or on error (error set).</summary>
    public static delegate* unmanaged<nint, nint> PyIter_Next;
    public static delegate* unmanaged<nint, int> PyCallable_Check;
    public static delegate* unmanaged<nint, nint> PyObject_Dir;
    public static delegate* unmanaged<nint, nint, int> PySequence_Contains;

    /// <summary>Borrowed reference to the singleton.</summary>
    public static nint Py_None;
    public static nint Py_True;
    public static nint Py_False;
    public static nint Py_NotImplemented;

    private static void BindObjects(Symbols s)
    {
        Py_IncRef = (delegate* unmanaged<nint, void>)s.Function("Py_IncRef");
        Py_DecRef = (delegate* unmanaged<nint, void>)s.Function("Py_DecRef");
        PyObject_GetAttrString = (delegate* unmanaged<nint, byte*, nint>)s.Function("PyObject_GetAttrString");
        PyObject_GetAttr = (delegate* unmanaged<nint, nint, nint>)s.Function("PyObject_GetAttr");
        PyObject_SetAttrString = (delegate* unmanaged<nint, byte*, nint, int>)s.Function("PyObject_SetAttrString");
        PyObject_SetAttr = (delegate* unmanaged<nint, nint, nint, int>)s.Function("PyObject_SetAttr");
        PyObject_HasAttrString = (delegate* unmanaged<nint, byte*, int>)s.Function("PyObject_HasAttrString");
        PyObject_Str = (delegate* unmanaged<nint, nint>)s.Function("PyObject_Str");
        PyObject_Repr = (delegate* unmanaged<nint, nint>)s.Function("PyObject_Repr");
        PyObject_RichCompareBool = (delegate* unmanaged<nint, nint, int, int>)s.Function("PyObject_RichCompareBool");
        PyObject_Hash = (delegate* unmanaged<nint, nint>)s.Function("PyObject_Hash");
        PyObject_IsTrue = (delegate* unmanaged<nint, int>)s.Function("PyObject_IsTrue");
        PyObject_IsInstance = (delegate* unmanaged<nint, nint, int>)s.Function("PyObject_IsInstance");
        PyObject_GetItem = (delegate* unmanaged<nint, nint, nint>)s.Function("PyObject_GetItem");
        PyObject_SetItem = (delegate* unmanaged<nint, nint, nint, int>)s.Function("PyObject_SetItem");
        PyObject_DelItem = (delegate* unmanaged<nint, nint, int>)s.Function("PyObject_DelItem");
        PyObject_Size = (delegate* unmanaged<nint, nint>)s.Function("PyObject_Size");
        PyObject_GetIter = (delegate* unmanaged<nint, nint>)s.Function("PyObject_GetIter");
        PyIter_Next = (delegate* unmanaged<nint, nint>)s.Function("PyIter_Next");
        PyCallable_Check = (delegate* unmanaged<nint, int>)s.Function("PyCallable_Check");
        PyObject_Dir = (delegate* unmanaged<nint, nint>)s.Function("PyObject_Dir");
        PySequence_Contains = (delegate* unmanaged<nint, nint, int>)s.Function("PySequence_Contains");
        Py_None = s.Object("_Py_NoneStruct");
        Py_True = s.Object("_Py_TrueStruct");
        Py_False = s.Object("_Py_FalseStruct");
        Py_NotImplemented = s.Object("_Py_NotImplementedStruct");
    }

    /// <summary>A new reference to <paramref name="o"/> (for returning borrowed singletons).</summary>
    public static nint NewRef(nint o)
    {
        Py_IncRef(o);
        return o;
    }
}
