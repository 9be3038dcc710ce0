using System.Runtime.InteropServices;

namespace Breezeblock.Python.Native;

internal static unsafe partial class CApi
{
    /// <summary>CPython's <c>PyMethodDef</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PyMethodDef
    {
        public byte* Name;
        public void* Method;
        public int Flags;
        public byte* Doc;
    }

    /// <summary>CPython's <c>PyType_Slot</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PyTypeSlot
    {
        public int Slot;
        public void* Pfunc;
    }

    /// <summary>CPython's <c>PyType_Spec</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PyTypeSpec
    {
        public byte* Name;
        public int BasicSize;
        public int ItemSize;
        public uint Flags;
        public PyTypeSlot* Slots;
    }

    /// <summary>CPython's <c>PyGetSetDef</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PyGetSetDef
    {
        public byte* Name;
        public void* Get;
        public void* Set;
        public byte* Doc;
        public void* Closure;
    }

    public const int METH_VARARGS = 0x0001;
    public const int METH_KEYWORDS = 0x0002;
    public const int METH_NOARGS = 0x0004;
    public const int METH_O = 0x0008;
    public const int METH_FASTCALL = 0x0080;

    /// <summary>New reference, NULL on error. The def must outlive the function object.</summary>
    public static delegate* unmanaged<PyMethodDef*, nint, nint, nint> PyCFunction_NewEx;
    /// <summary>The C function behind a builtin function object (borrowed self for it: <see cref="PyCFunction_GetSelf"/>).</summary>
    public static delegate* unmanaged<nint, nint> PyCFunction_GetFunction;
    /// <summary>Borrowed reference: the self a builtin function is bound to (its module).</summary>
    public static delegate* unmanaged<nint, nint> PyCFunction_GetSelf;
    /// <summary>The METH_ flags a builtin function is called with; -1 with an error set when it is not one.</summary>
    public static delegate* unmanaged<nint, int> PyCFunction_GetFlags;
    /// <summary>New reference; the destructor runs when the capsule is freed (with the GIL held).</summary>
    public static delegate* unmanaged<void*, byte*, delegate* unmanaged<nint, void>, nint> PyCapsule_New;
    public static delegate* unmanaged<nint, byte*, void*> PyCapsule_GetPointer;
    /// <summary>New reference (a heap type), NULL on error. Bases may be NULL.</summary>
    public static delegate* unmanaged<PyTypeSpec*, nint, nint> PyType_FromSpecWithBases;
    public static delegate* unmanaged<nint, int, void*> PyType_GetSlot;
    public static delegate* unmanaged<nint, ulong> PyType_GetFlags;

    // tp_flags bits CPython sets on subclasses of built-in types (the same on 3.9 to 3.13).
    public const ulong Py_TPFLAGS_LIST_SUBCLASS = 1UL << 25;
    public const ulong Py_TPFLAGS_TUPLE_SUBCLASS = 1UL << 26;
    public const ulong Py_TPFLAGS_DICT_SUBCLASS = 1UL << 29;
    public static delegate* unmanaged<nint, nint, int> PyType_IsSubtype;
    public static delegate* unmanaged<nint, nint, nint> PyType_GenericAlloc;
    public static delegate* unmanaged<nint, nint, nint> PyObject_GenericGetAttr;
    public static delegate* unmanaged<nint, nint, nint, int> PyObject_GenericSetAttr;
    public static delegate* unmanaged<nint, void> PyObject_Free;
    /// <summary>New reference: a descriptor that binds the instance as the callable's first argument.</summary>
    public static delegate* unmanaged<nint, nint> PyInstanceMethod_New;
    /// <summary>The tp_hash of unhashable types.</summary>
    public static nint PyObject_HashNotImplemented;

    public static nint PyType_Type;
    public static nint PyBaseObject_Type;

    private static void BindTypes(Symbols s)
    {
        PyCFunction_NewEx = (delegate* unmanaged<PyMethodDef*, nint, nint, nint>)s.Function("PyCFunction_NewEx");
        PyCFunction_GetFunction = (delegate* unmanaged<nint, nint>)s.Function("PyCFunction_GetFunction");
        PyCFunction_GetSelf = (delegate* unmanaged<nint, nint>)s.Function("PyCFunction_GetSelf");
        PyCFunction_GetFlags = (delegate* unmanaged<nint, int>)s.Function("PyCFunction_GetFlags");
        PyCapsule_New = (delegate* unmanaged<void*, byte*, delegate* unmanaged<nint, void>, nint>)s.Function("PyCapsule_New");
        PyCapsule_GetPointer = (delegate* unmanaged<nint, byte*, void*>)s.Function("PyCapsule_GetPointer");
        PyType_FromSpecWithBases = (delegate* unmanaged<PyTypeSpec*, nint, nint>)s.Function("PyType_FromSpecWithBases");
        PyType_GetSlot = (delegate* unmanaged<nint, int, void*>)s.Function("PyType_GetSlot");
        PyType_GetFlags = (delegate* unmanaged<nint, ulong>)s.Function("PyType_GetFlags");
        PyType_IsSubtype = (delegate* unmanaged<nint, nint, int>)s.Function("PyType_IsSubtype");
        PyType_GenericAlloc = (delegate* unmanaged<nint, nint, nint>)s.Function("PyType_GenericAlloc");
        PyObject_GenericGetAttr = (delegate* unmanaged<nint, nint, nint>)s.Function("PyObject_GenericGetAttr");
        PyObject_GenericSetAttr = (delegate* unmanaged<nint, nint, nint, int>)s.Function("PyObject_GenericSetAttr");
        PyObject_Free = (delegate* unmanaged<nint, void>)s.Function("PyObject_Free");
        PyInstanceMethod_New = (delegate* unmanaged<nint, nint>)s.Function("PyInstanceMethod_New");
        PyObject_HashNotImplemented = s.Function("PyObject_HashNotImplemented");
        PyType_Type = s.Object("PyType_Type");
        PyBaseObject_Type = s.Object("PyBaseObject_Type");
    }

    /// <summary>True when the object's type is <paramref name="type"/> or a subclass of it.</summary>
    public static bool IsInstanceOf(nint o, nint type)
    {
        var actual = Py_TYPE(o);
        return actual == type || PyType_IsSubtype(actual, type) != 0;
    }
}
