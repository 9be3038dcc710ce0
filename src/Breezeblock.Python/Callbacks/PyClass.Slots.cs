using System.Runtime.InteropServices;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>The type slots of a <see cref="PyClass"/>: one trampoline per slot, shared by every class.</summary>
public sealed unsafe partial class PyClass
{
    private static PyClass ClassOf(nint instance) => PyClassRegistry.ForPythonObject(instance)!;

    // Runs for every instance: kept free of lookups and of the callback bookkeeping (no .NET code that needs the GIL runs).
    [UnmanagedCallersOnly]
    private static void Dealloc(nint self)
    {
        var type = CApi.Py_TYPE(self);
        var handle = *(nint*)(self + s_handleOffset);
        if (handle != 0)
        {
            GCHandle.FromIntPtr(handle).Free();
        }
        var free = (delegate* unmanaged<nint, void>)CApi.PyType_GetSlot(type, TypeSlot.Free);
        free(self);
        CApi.Py_DecRef(type); // instances of heap types own a reference to their type
    }

    [UnmanagedCallersOnly]
    private static nint New(nint type, nint args, nint kwargs) => CallbackGuard.Reference((type, args, kwargs), &NewBody);

    private static nint NewBody((nint Type, nint Args, nint Kwargs) call)
    {
        var (type, args, kwargs) = call;
        var pyClass = PyClassRegistry.ForPythonType(type)
            ?? throw PythonErrorException.TypeError("this type is not a .NET-backed class");
        var constructor = pyClass.Definition.Constructor
            ?? throw PythonErrorException.TypeError($"cannot create '{pyClass.Name}' instances");
        var positionalCount = (int)CApi.PyTuple_Size(args);
        var positional = positionalCount <= 16 ? stackalloc nint[positionalCount] : new nint[positionalCount];
        for (var i = 0; i < positionalCount; i++)
        {
            positional[i] = CApi.PyTuple_GetItem(args, i);
        }
        var keywordCount = kwargs == 0 ? 0 : (int)CApi.PyDict_Size(kwargs);
        var names = keywordCount <= 16 ? stackalloc nint[keywordCount] : new nint[keywordCount];
        var values = keywordCount <= 16 ? stackalloc nint[keywordCount] : new nint[keywordCount];
        nint position = 0, key, value;
        for (var i = 0; i < keywordCount && CApi.PyDict_Next(kwargs, &position, &key, &value) != 0; i++)
        {
            names[i] = key;
            values[i] = value;
        }
        var target = constructor(new PyArguments(positional, names, values));
        return pyClass.WrapRaw(target);
    }

    [UnmanagedCallersOnly]
    private static nint GetProperty(nint self, void* closure) => CallbackGuard.Reference((self, (int)closure), &GetPropertyBody);

    private static nint GetPropertyBody((nint Self, int Index) call) =>
        PyValues.FromManaged(ClassOf(call.Self).Definition.Properties[call.Index].Get(TargetOf(call.Self)));

    [UnmanagedCallersOnly]
    private static int SetProperty(nint self, nint value, void* closure) => CallbackGuard.Status((self, value, (int)closure), &SetPropertyBody);

    private static int SetPropertyBody((nint Self, nint Value, int Index) call)
    {
        var pyClass = ClassOf(call.Self);
        var property = pyClass.Definition.Properties[call.Index];
        if (call.Value == 0)
        {
            throw PythonErrorException.AttributeError($"cannot delete attribute '{property.Name}' of '{pyClass.Name}' objects");
        }
        property.Set!(TargetOf(call.Self), new PyArgument(call.Value));
        return 0;
    }

    // The generic path runs without .NET bookkeeping; only a failure to set reaches the definition's message.
    [UnmanagedCallersOnly]
    private static int SetAttro(nint self, nint name, nint value) =>
        CApi.PyObject_GenericSetAttr(self, name, value) == 0 ? 0 : CallbackGuard.Status((self, name), &SetAttroFailed);

    private static int SetAttroFailed((nint Self, nint Name) call)
    {
        var definition = ClassOf(call.Self).Definition;
        if (definition.MissingAttribute is null || CApi.PyErr_ExceptionMatches(CApi.PyExc_AttributeError) == 0)
        {
            return -1;
        }
        var attribute = PyStrings.ToString(call.Name);
        if (definition.Properties.Any(p => p.Name == attribute))
        {
            return -1; // the property's own setter refused; keep its error
        }
        CApi.PyErr_Clear();
        throw PythonErrorException.AttributeError(definition.MissingAttribute(TargetOf(call.Self), attribute, true));
    }

    [UnmanagedCallersOnly]
    private static nint Repr(nint self) => CallbackGuard.Reference(self, &ReprBody);

    private static nint ReprBody(nint self) => PyStrings.FromString(ClassOf(self).Definition.Repr!(TargetOf(self)));

    [UnmanagedCallersOnly]
    private static nint Str(nint self) => CallbackGuard.Reference(self, &StrBody);

    private static nint StrBody(nint self) => PyStrings.FromString(ClassOf(self).Definition.Str!(TargetOf(self)));

    [UnmanagedCallersOnly]
    private static nint RichCompare(nint self, nint other, int op) => CallbackGuard.Reference((self, other, op), &RichCompareBody);

    private static nint RichCompareBody((nint Self, nint Other, int Op) call)
    {
        const int Equal = 2, NotEqual = 3;
        var pyClass = ClassOf(call.Self);
        if ((call.Op != Equal && call.Op != NotEqual) || CApi.Py_TYPE(call.Other) != pyClass.TypeHandle)
        {
            return CApi.NewRef(CApi.Py_NotImplemented);
        }
        var equal = pyClass.Definition.Equality!(TargetOf(call.Self), TargetOf(call.Other));
        return CApi.NewRef(equal == (call.Op == Equal) ? CApi.Py_True : CApi.Py_False);
    }

    [UnmanagedCallersOnly]
    private static nint Length(nint self) => CallbackGuard.Status(self, &LengthBody);

    private static nint LengthBody(nint self) => ClassOf(self).Definition.Length!(TargetOf(self));

    [UnmanagedCallersOnly]
    private static nint GetItem(nint self, nint key) => CallbackGuard.Reference((self, key), &GetItemBody);

    private static nint GetItemBody((nint Self, nint Key) call) =>
        PyValues.FromManaged(ClassOf(call.Self).Definition.GetItem!(TargetOf(call.Self), new PyArgument(call.Key)));

    [UnmanagedCallersOnly]
    private static int SetItem(nint self, nint key, nint value) => CallbackGuard.Status((self, key, value), &SetItemBody);

    private static int SetItemBody((nint Self, nint Key, nint Value) call)
    {
        var pyClass = ClassOf(call.Self);
        var definition = pyClass.Definition;
        if (call.Value == 0)
        {
            var delete = definition.DeleteItem ?? throw PythonErrorException.TypeError($"'{pyClass.Name}' object does not support item deletion");
            return delete(TargetOf(call.Self), new PyArgument(call.Key)) ? 0 : throw PythonErrorException.KeyError(PyValues.Repr(call.Key));
        }
        var set = definition.SetItem ?? throw PythonErrorException.TypeError($"'{pyClass.Name}' object does not support item assignment");
        set(TargetOf(call.Self), new PyArgument(call.Key), new PyArgument(call.Value));
        return 0;
    }

    [UnmanagedCallersOnly]
    private static int Contains(nint self, nint item) => CallbackGuard.Status((self, item), &ContainsBody);

    private static int ContainsBody((nint Self, nint Item) call) =>
        ClassOf(call.Self).Definition.Contains!(TargetOf(call.Self), new PyArgument(call.Item)) ? 1 : 0;

    [UnmanagedCallersOnly]
    private static nint Iterate(nint self) => CallbackGuard.Reference(self, &IterateBody);

    private static nint IterateBody(nint self)
    {
        var items = ClassOf(self).Definition.Iterate!(TargetOf(self));
        var list = PyValues.FromManaged(items.Cast<object?>().ToList());
        try
        {
            return Check.NotNull(CApi.PyObject_GetIter(list));
        }
        finally
        {
            CApi.Py_DecRef(list);
        }
    }
}
