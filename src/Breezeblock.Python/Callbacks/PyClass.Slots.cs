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
    private static nint New(nint type, nint args, nint kwargs)
    {
        Gil.EnterCallback();
        try
        {
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
        catch (Exception e)
        {
            PythonErrors.Raise(e);
            return 0;
        }
        finally
        {
            Gil.ExitCallback();
        }
    }

    [UnmanagedCallersOnly]
    private static nint GetProperty(nint self, void* closure)
    {
        Gil.EnterCallback();
        try
        {
            var property = ClassOf(self).Definition.Properties[(int)closure];
            return PyValues.FromManaged(property.Get(TargetOf(self)));
        }
        catch (Exception e)
        {
            PythonErrors.Raise(e);
            return 0;
        }
        finally
        {
            Gil.ExitCallback();
        }
    }

    [UnmanagedCallersOnly]
    private static int SetProperty(nint self, nint value, void* closure)
    {
        Gil.EnterCallback();
        try
        {
            var pyClass = ClassOf(self);
            var property = pyClass.Definition.Properties[(int)closure];
            if (value == 0)
            {
                throw PythonErrorException.AttributeError($"cannot delete attribute '{property.Name}' of '{pyClass.Name}' objects");
            }
            property.Set!(TargetOf(self), new PyArgument(value));
            return 0;
        }
        catch (Exception e)
        {
            PythonErrors.Raise(e);
            return -1;
        }
        finally
        {
            Gil.ExitCallback();
        }
    }

    [UnmanagedCallersOnly]
    private static int SetAttro(nint self, nint name, nint value)
    {
        if (CApi.PyObject_GenericSetAttr(self, name, value) == 0)
        {
            return 0;
        }
        Gil.EnterCallback();
        try
        {
            var definition = ClassOf(self).Definition;
            if (definition.MissingAttribute is null || CApi.PyErr_ExceptionMatches(CApi.PyExc_AttributeError) == 0)
            {
                return -1;
            }
            var attribute = PyStrings.ToString(name);
            if (definition.Properties.Any(p => p.Name == attribute))
            {
                return -1; // the property's own setter refused; keep its error
            }
            CApi.PyErr_Clear();
            throw PythonErrorException.AttributeError(definition.MissingAttribute(TargetOf(self), attribute, true));
        }
        catch (Exception e)
        {
            PythonErrors.Raise(e);
            return -1;
        }
        finally
        {
            Gil.ExitCallback();
        }
    }

    [UnmanagedCallersOnly]
    private static nint Repr(nint self)
    {
        Gil.EnterCallback();
        try
        {
            return PyStrings.FromString(ClassOf(self).Definition.Repr!(TargetOf(self)));
        }
        catch (Exception e)
        {
            PythonErrors.Raise(e);
            return 0;
        }
        finally
        {
            Gil.ExitCallback();
        }
    }

    [UnmanagedCallersOnly]
    private static nint RichCompare(nint self, nint other, int op)
    {
        const int Equal = 2, NotEqual = 3;
        Gil.EnterCallback();
        try
        {
            var pyClass = ClassOf(self);
            if ((op != Equal && op != NotEqual) || CApi.Py_TYPE(other) != pyClass.TypeHandle)
            {
                return CApi.NewRef(CApi.Py_NotImplemented);
            }
            var equal = pyClass.Definition.Equality!(TargetOf(self), TargetOf(other));
            return CApi.NewRef(equal == (op == Equal) ? CApi.Py_True : CApi.Py_False);
        }
        catch (Exception e)
        {
            PythonErrors.Raise(e);
            return 0;
        }
        finally
        {
            Gil.ExitCallback();
        }
    }

    [UnmanagedCallersOnly]
    private static nint Length(nint self)
    {
        Gil.EnterCallback();
        try
        {
            return ClassOf(self).Definition.Length!(TargetOf(self));
        }
        catch (Exception e)
        {
            PythonErrors.Raise(e);
            return -1;
        }
        finally
        {
            Gil.ExitCallback();
        }
    }

    [UnmanagedCallersOnly]
    private static nint GetItem(nint self, nint key)
    {
        Gil.EnterCallback();
        try
        {
            return PyValues.FromManaged(ClassOf(self).Definition.GetItem!(TargetOf(self), new PyArgument(key)));
        }
        catch (Exception e)
        {
            PythonErrors.Raise(e);
            return 0;
        }
        finally
        {
            Gil.ExitCallback();
        }
    }

    [UnmanagedCallersOnly]
    private static int SetItem(nint self, nint key, nint value)
    {
        Gil.EnterCallback();
        try
        {
            var pyClass = ClassOf(self);
            var definition = pyClass.Definition;
            if (value == 0)
            {
                var delete = definition.DeleteItem ?? throw PythonErrorException.TypeError($"'{pyClass.Name}' object does not support item deletion");
                if (!delete(TargetOf(self), new PyArgument(key)))
                {
                    throw PythonErrorException.KeyError(PyValues.Repr(key));
                }
                return 0;
            }
            var set = definition.SetItem ?? throw PythonErrorException.TypeError($"'{pyClass.Name}' object does not support item assignment");
            set(TargetOf(self), new PyArgument(key), new PyArgument(value));
            return 0;
        }
        catch (Exception e)
        {
            PythonErrors.Raise(e);
            return -1;
        }
        finally
        {
            Gil.ExitCallback();
        }
    }

    [UnmanagedCallersOnly]
    private static int Contains(nint self, nint item)
    {
        Gil.EnterCallback();
        try
        {
            return ClassOf(self).Definition.Contains!(TargetOf(self), new PyArgument(item)) ? 1 : 0;
        }
        catch (Exception e)
        {
            PythonErrors.Raise(e);
            return -1;
        }
        finally
        {
            Gil.ExitCallback();
        }
    }

    [UnmanagedCallersOnly]
    private static nint Iterate(nint self)
    {
        Gil.EnterCallback();
        nint list = 0;
        try
        {
            var items = ClassOf(self).Definition.Iterate!(TargetOf(self));
            list = PyValues.FromManaged(items.Cast<object?>().ToList());
            return Check.NotNull(CApi.PyObject_GetIter(list));
        }
        catch (Exception e)
        {
            PythonErrors.Raise(e);
            return 0;
        }
        finally
        {
            if (list != 0)
            {
                CApi.Py_DecRef(list);
            }
            Gil.ExitCallback();
        }
    }
}
