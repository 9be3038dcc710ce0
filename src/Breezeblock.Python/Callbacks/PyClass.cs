using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// A Python class whose instances are .NET objects, made from a <see cref="PyClassDefinition"/> with
/// <c>PyType_FromSpec</c>. An instance is the object header followed by one <see cref="GCHandle"/>
/// to the .NET object; the header size is read from <c>object.__basicsize__</c>, not assumed.
/// Classes live for the whole process, as Python types usually do.
/// </summary>
public sealed unsafe partial class PyClass
{
    private static int s_handleOffset;

    private PyClass(PyClassDefinition definition, PyObject type)
    {
        Definition = definition;
        Type = type;
        TypeHandle = type.Handle;
    }

    internal PyClassDefinition Definition { get; }

    /// <summary>The class name in Python.</summary>
    public string Name => Definition.Name;

    /// <summary>The .NET type of the instances.</summary>
    public Type DotnetType => Definition.DotnetType;

    /// <summary>The Python type object.</summary>
    public PyObject Type { get; }

    internal nint TypeHandle { get; }

    /// <summary>The .NET type behind a Python type made by <see cref="Create"/>, or null for any other Python type.</summary>
    public static Type? DotnetTypeOf(PyArgument pythonType) => PyClassRegistry.ForPythonType(pythonType.Identity)?.DotnetType;

    /// <summary>Creates the class and registers it, so conversions wrap <see cref="DotnetType"/> objects as instances of it.</summary>
    public static PyClass Create(PyClassDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Gil.EnsureHeld();
        if (s_handleOffset == 0)
        {
            s_handleOffset = checked((int)BaseObjectSize());
        }
        var type = PyObject.Steal(CreateType(definition));
        var pyClass = new PyClass(definition, type);
        foreach (var method in definition.Methods)
        {
            AddMethod(type, new BoundMethod(method, definition.Name));
        }
        if (definition.MissingAttribute is not null)
        {
            AddMethod(type, new BoundMethod(new PyClassMethod("__getattr__", MissingAttributeMethod(definition)), definition.Name));
        }
        PyClassRegistry.Register(pyClass);
        return pyClass;
    }

    /// <summary>A new Python instance wrapping <paramref name="target"/> (GIL needed).</summary>
    public PyObject Wrap(object target)
    {
        Gil.EnsureHeld();
        return PyObject.Steal(WrapRaw(target));
    }

    /// <summary>New reference to an instance wrapping <paramref name="target"/>.</summary>
    internal nint WrapRaw(object target)
    {
        var instance = Check.NotNull(CApi.PyType_GenericAlloc(TypeHandle, 0));
        *(nint*)(instance + s_handleOffset) = GCHandle.ToIntPtr(GCHandle.Alloc(target));
        return instance;
    }

    /// <summary>The .NET object inside an instance of any PyClass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static object TargetOf(nint instance) => GCHandle.FromIntPtr(*(nint*)(instance + s_handleOffset)).Target!;

    private static nint BaseObjectSize()
    {
        fixed (byte* name = "__basicsize__"u8)
        {
            var size = Check.NotNull(CApi.PyObject_GetAttrString(CApi.PyBaseObject_Type, name));
            try
            {
                return (nint)PyNumbers.ToInt64(size);
            }
            finally
            {
                CApi.Py_DecRef(size);
            }
        }
    }

    private static nint CreateType(PyClassDefinition definition)
    {
        var slots = new List<CApi.PyTypeSlot>
        {
            Slot(TypeSlot.Dealloc, (delegate* unmanaged<nint, void>)&Dealloc),
            Slot(TypeSlot.New, (delegate* unmanaged<nint, nint, nint, nint>)&New),
            Slot(TypeSlot.SetAttro, (delegate* unmanaged<nint, nint, nint, int>)&SetAttro),
        };
        if (definition.Doc is { } doc)
        {
            slots.Add(new CApi.PyTypeSlot { Slot = TypeSlot.Doc, Pfunc = PyStrings.Utf8Literal(doc) });
        }
        if (definition.Repr is not null)
        {
            slots.Add(Slot(TypeSlot.Repr, (delegate* unmanaged<nint, nint>)&Repr));
        }
        if (definition.Str is not null)
        {
            slots.Add(Slot(TypeSlot.Str, (delegate* unmanaged<nint, nint>)&Str));
        }
        if (definition.Equality is not null)
        {
            slots.Add(Slot(TypeSlot.RichCompare, (delegate* unmanaged<nint, nint, int, nint>)&RichCompare));
            slots.Add(new CApi.PyTypeSlot { Slot = TypeSlot.Hash, Pfunc = (void*)CApi.PyObject_HashNotImplemented });
        }
        if (definition.Length is not null)
        {
            slots.Add(Slot(TypeSlot.MappingLength, (delegate* unmanaged<nint, nint>)&Length));
        }
        if (definition.GetItem is not null)
        {
            slots.Add(Slot(TypeSlot.MappingSubscript, (delegate* unmanaged<nint, nint, nint>)&GetItem));
        }
        if (definition.SetItem is not null || definition.DeleteItem is not null)
        {
            slots.Add(Slot(TypeSlot.MappingAssignSubscript, (delegate* unmanaged<nint, nint, nint, int>)&SetItem));
        }
        if (definition.Contains is not null)
        {
            slots.Add(Slot(TypeSlot.SequenceContains, (delegate* unmanaged<nint, nint, int>)&Contains));
        }
        if (definition.Iterate is not null)
        {
            slots.Add(Slot(TypeSlot.Iter, (delegate* unmanaged<nint, nint>)&Iterate));
        }
        if (definition.Properties.Count > 0)
        {
            slots.Add(new CApi.PyTypeSlot { Slot = TypeSlot.GetSet, Pfunc = GetSetTable(definition.Properties) });
        }
        slots.Add(default);

        // PyType_FromSpec copies the spec and the slots, but before 3.12 the type keeps pointing at the
        // spec's name (tp_name, which AttributeError messages read) and always at the getset table: both
        // live for the process, like the type. A name pinned only for the call dangled once the GC moved
        // it, and formatting "type object '...' has no attribute" crashed the process (seen on 3.9).
        var slotArray = slots.ToArray();
        var name = PyStrings.Utf8Literal(definition.Module is null ? definition.Name : $"{definition.Module}.{definition.Name}");
        fixed (CApi.PyTypeSlot* slotPointer = slotArray)
        {
            var spec = new CApi.PyTypeSpec
            {
                Name = name,
                BasicSize = s_handleOffset + sizeof(nint),
                ItemSize = 0,
                Flags = TypeFlags.Default,
                Slots = slotPointer,
            };
            return Check.NotNull(CApi.PyType_FromSpecWithBases(&spec, 0));
        }
    }

    private static CApi.PyTypeSlot Slot(int slot, void* function) => new() { Slot = slot, Pfunc = function };

    private static void* GetSetTable(IList<PyClassProperty> properties)
    {
        var table = (CApi.PyGetSetDef*)NativeMemory.AllocZeroed((nuint)((properties.Count + 1) * sizeof(CApi.PyGetSetDef)));
        for (var i = 0; i < properties.Count; i++)
        {
            table[i].Name = PyStrings.Utf8Literal(properties[i].Name);
            table[i].Get = (delegate* unmanaged<nint, void*, nint>)&GetProperty;
            table[i].Set = properties[i].Set is null ? null : (delegate* unmanaged<nint, nint, void*, int>)&SetProperty;
            table[i].Doc = properties[i].Doc is { } doc ? PyStrings.Utf8Literal(doc) : null;
            table[i].Closure = (void*)i;
        }
        return table;
    }

    private static void AddMethod(PyObject type, PyCallable method)
    {
        var function = method.CreateFunction(null, null);
        try
        {
            var descriptor = Check.NotNull(CApi.PyInstanceMethod_New(function));
            try
            {
                fixed (byte* name = PyStrings.Utf8Z(method.Name))
                {
                    Check.Status(CApi.PyObject_SetAttrString(type.Handle, name, descriptor));
                }
            }
            finally
            {
                CApi.Py_DecRef(descriptor);
            }
        }
        finally
        {
            CApi.Py_DecRef(function);
        }
    }

    private static PyMethodBody MissingAttributeMethod(PyClassDefinition definition) => (target, args) =>
        throw new MissingMemberException(definition.MissingAttribute!(target, args[0].AsString(), false));

    /// <summary>A method: Python passes the instance first, then the call's arguments.</summary>
    private sealed class BoundMethod(PyClassMethod method, string className) : PyCallable(method.Name)
    {
        public override nint Invoke(PyArguments args)
        {
            if (args.PositionalCount == 0 || PyClassRegistry.ForPythonObject(args[0].Handle) is null)
            {
                throw new InvalidCastException($"{className}.{Name}() needs a {className} instance as self");
            }
            var target = TargetOf(args[0].Handle);
            return PyValues.FromManaged(method.Body(target, args.WithoutFirst()));
        }
    }

    private static class TypeSlot
    {
        public const int MappingAssignSubscript = 3;
        public const int MappingLength = 4;
        public const int MappingSubscript = 5;
        public const int SequenceContains = 41;
        public const int Dealloc = 52;
        public const int Doc = 56;
        public const int Hash = 59;
        public const int Iter = 62;
        public const int New = 65;
        public const int Repr = 66;
        public const int RichCompare = 67;
        public const int SetAttro = 69;
        public const int Str = 70;
        public const int GetSet = 73;
        public const int Free = 74;
    }

    private static class TypeFlags
    {
        // Py_TPFLAGS_DEFAULT on 3.9 (HAVE_VERSION_TAG); a no-op bit on later versions.
        public const uint Default = 1u << 18;
    }
}
