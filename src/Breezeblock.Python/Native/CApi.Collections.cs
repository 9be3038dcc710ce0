namespace Breezeblock.Python.Native;

internal static unsafe partial class CApi
{
    /// <summary>New reference.</summary>
    public static delegate* unmanaged<nint, nint> PyList_New;
    /// <summary>Steals the item; 0 or -1.</summary>
    public static delegate* unmanaged<nint, nint, nint, int> PyList_SetItem;
    /// <summary>Borrowed reference, NULL on error.</summary>
    public static delegate* unmanaged<nint, nint, nint> PyList_GetItem;
    public static delegate* unmanaged<nint, nint> PyList_Size;
    /// <summary>Does not steal; 0 or -1.</summary>
    public static delegate* unmanaged<nint, nint, int> PyList_Append;
    public static delegate* unmanaged<nint, nint, nint, int> PyList_Insert;
    /// <summary>Replaces list[low:high] with the items of another list, or deletes them when it is NULL; 0 or -1.</summary>
    public static delegate* unmanaged<nint, nint, nint, nint, int> PyList_SetSlice;
    /// <summary>New reference.</summary>
    public static delegate* unmanaged<nint, nint> PyTuple_New;
    /// <summary>Steals the item; 0 or -1.</summary>
    public static delegate* unmanaged<nint, nint, nint, int> PyTuple_SetItem;
    /// <summary>Borrowed reference, NULL on error.</summary>
    public static delegate* unmanaged<nint, nint, nint> PyTuple_GetItem;
    public static delegate* unmanaged<nint, nint> PyTuple_Size;
    /// <summary>New reference.</summary>
    public static delegate* unmanaged<nint> PyDict_New;
    /// <summary>Does not steal; 0 or -1.</summary>
    public static delegate* unmanaged<nint, nint, nint, int> PyDict_SetItem;
    public static delegate* unmanaged<nint, byte*, nint, int> PyDict_SetItemString;
    /// <summary>Borrowed reference; NULL when missing (no error) or on error (error set).</summary>
    public static delegate* unmanaged<nint, nint, nint> PyDict_GetItemWithError;
    /// <summary>Borrowed reference; NULL when missing; swallows errors.</summary>
    public static delegate* unmanaged<nint, byte*, nint> PyDict_GetItemString;
    public static delegate* unmanaged<nint, nint, int> PyDict_DelItem;
    /// <summary>Borrowed key and value; 0 at the end.</summary>
    public static delegate* unmanaged<nint, nint*, nint*, nint*, int> PyDict_Next;
    public static delegate* unmanaged<nint, nint> PyDict_Size;
    /// <summary>New reference (a list), NULL on error.</summary>
    public static delegate* unmanaged<nint, nint> PyDict_Keys;
    public static delegate* unmanaged<nint, nint> PyDict_Copy;
    /// <summary>New reference; iterable may be NULL for an empty set.</summary>
    public static delegate* unmanaged<nint, nint> PySet_New;
    public static delegate* unmanaged<nint, nint> PyFrozenSet_New;
    /// <summary>Does not steal; 0 or -1.</summary>
    public static delegate* unmanaged<nint, nint, int> PySet_Add;
    public static delegate* unmanaged<nint, nint> PySet_Size;

    public static nint PyList_Type;
    public static nint PyTuple_Type;
    public static nint PyDict_Type;
    public static nint PySet_Type;
    public static nint PyFrozenSet_Type;

    private static void BindCollections(Symbols s)
    {
        PyList_New = (delegate* unmanaged<nint, nint>)s.Function("PyList_New");
        PyList_SetItem = (delegate* unmanaged<nint, nint, nint, int>)s.Function("PyList_SetItem");
        PyList_GetItem = (delegate* unmanaged<nint, nint, nint>)s.Function("PyList_GetItem");
        PyList_Size = (delegate* unmanaged<nint, nint>)s.Function("PyList_Size");
        PyList_Append = (delegate* unmanaged<nint, nint, int>)s.Function("PyList_Append");
        PyList_Insert = (delegate* unmanaged<nint, nint, nint, int>)s.Function("PyList_Insert");
        PyList_SetSlice = (delegate* unmanaged<nint, nint, nint, nint, int>)s.Function("PyList_SetSlice");
        PyTuple_New = (delegate* unmanaged<nint, nint>)s.Function("PyTuple_New");
        PyTuple_SetItem = (delegate* unmanaged<nint, nint, nint, int>)s.Function("PyTuple_SetItem");
        PyTuple_GetItem = (delegate* unmanaged<nint, nint, nint>)s.Function("PyTuple_GetItem");
        PyTuple_Size = (delegate* unmanaged<nint, nint>)s.Function("PyTuple_Size");
        PyDict_New = (delegate* unmanaged<nint>)s.Function("PyDict_New");
        PyDict_SetItem = (delegate* unmanaged<nint, nint, nint, int>)s.Function("PyDict_SetItem");
        PyDict_SetItemString = (delegate* unmanaged<nint, byte*, nint, int>)s.Function("PyDict_SetItemString");
        PyDict_GetItemWithError = (delegate* unmanaged<nint, nint, nint>)s.Function("PyDict_GetItemWithError");
        PyDict_GetItemString = (delegate* unmanaged<nint, byte*, nint>)s.Function("PyDict_GetItemString");
        PyDict_DelItem = (delegate* unmanaged<nint, nint, int>)s.Function("PyDict_DelItem");
        PyDict_Next = (delegate* unmanaged<nint, nint*, nint*, nint*, int>)s.Function("PyDict_Next");
        PyDict_Size = (delegate* unmanaged<nint, nint>)s.Function("PyDict_Size");
        PyDict_Keys = (delegate* unmanaged<nint, nint>)s.Function("PyDict_Keys");
        PyDict_Copy = (delegate* unmanaged<nint, nint>)s.Function("PyDict_Copy");
        PySet_New = (delegate* unmanaged<nint, nint>)s.Function("PySet_New");
        PyFrozenSet_New = (delegate* unmanaged<nint, nint>)s.Function("PyFrozenSet_New");
        PySet_Add = (delegate* unmanaged<nint, nint, int>)s.Function("PySet_Add");
        PySet_Size = (delegate* unmanaged<nint, nint>)s.Function("PySet_Size");
        PyList_Type = s.Object("PyList_Type");
        PyTuple_Type = s.Object("PyTuple_Type");
        PyDict_Type = s.Object("PyDict_Type");
        PySet_Type = s.Object("PySet_Type");
        PyFrozenSet_Type = s.Object("PyFrozenSet_Type");
    }
}
