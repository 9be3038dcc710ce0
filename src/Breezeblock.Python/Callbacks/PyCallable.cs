using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// .NET code behind a Python callable. One <c>[UnmanagedCallersOnly]</c> trampoline serves every
/// callable: the function object's <c>self</c> is a capsule pointing at the <see cref="PyCallable"/>,
/// so a call allocates no delegate and a .NET exception becomes a Python exception at the call.
/// </summary>
internal abstract unsafe class PyCallable(string name)
{
    private static readonly ConcurrentDictionary<(string Name, string? Doc), nint> s_methodDefs = new();

    public string Name { get; } = name;

    /// <summary>Runs the call; returns a new reference (never NULL: failures throw).</summary>
    public abstract nint Invoke(PyArguments args);

    /// <summary>New reference to a Python builtin function that calls this object.</summary>
    public nint CreateFunction(string? doc, string? module)
    {
        var def = MethodDef(Name, doc);
        var self = HandleCapsule.Create(this);
        nint moduleName = 0;
        try
        {
            moduleName = module is null ? 0 : PyStrings.FromString(module);
            return Check.NotNull(CApi.PyCFunction_NewEx((CApi.PyMethodDef*)def, self, moduleName));
        }
        finally
        {
            CApi.Py_DecRef(self);
            if (moduleName != 0)
            {
                CApi.Py_DecRef(moduleName);
            }
        }
    }

    // A PyMethodDef must outlive every function made from it; one per distinct name and doc, kept for
    // the process lifetime, bounds that memory by the number of distinct names.
    private static nint MethodDef(string name, string? doc) => s_methodDefs.GetOrAdd((name, doc), static key =>
    {
        var def = (CApi.PyMethodDef*)NativeMemory.AllocZeroed((nuint)sizeof(CApi.PyMethodDef));
        def->Name = PyStrings.Utf8Literal(key.Name);
        def->Method = (delegate* unmanaged<nint, nint*, nint, nint, nint>)&Trampoline;
        def->Flags = CApi.METH_FASTCALL | CApi.METH_KEYWORDS;
        def->Doc = key.Doc is null ? null : PyStrings.Utf8Literal(key.Doc);
        return (nint)def;
    });

    [UnmanagedCallersOnly]
    private static nint Trampoline(nint self, nint* args, nint nargs, nint kwnames)
    {
        Gil.EnterCallback();
        try
        {
            var callable = (PyCallable)HandleCapsule.KnownTarget(self);
            if (kwnames == 0)
            {
                return callable.Invoke(new PyArguments(new ReadOnlySpan<nint>(args, (int)nargs), default, default));
            }
            var count = (int)CApi.PyTuple_Size(kwnames);
            var names = count <= 16 ? stackalloc nint[count] : new nint[count];
            for (var i = 0; i < count; i++)
            {
                names[i] = CApi.PyTuple_GetItem(kwnames, i);
            }
            return callable.Invoke(new PyArguments(
                new ReadOnlySpan<nint>(args, (int)nargs), names, new ReadOnlySpan<nint>(args + nargs, count)));
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

    /// <summary>The TypeError Python raises for a wrong number of arguments.</summary>
    protected ArgumentException ArityError(int expected, PyArguments args)
    {
        if (args.KeywordCount > 0)
        {
            return new ArgumentException($"{Name}() takes no keyword arguments");
        }
        var noun = expected == 1 ? "argument" : "arguments";
        return new ArgumentException($"{Name}() takes {expected} positional {noun} but {args.PositionalCount} were given");
    }

    /// <summary>A <see cref="PyFunctionBody"/> behind a callable.</summary>
    internal sealed class Untyped(string name, PyFunctionBody body) : PyCallable(name)
    {
        public override nint Invoke(PyArguments args) => PyValues.FromManaged(body(args));
    }

    internal sealed class Action0(string name, Action body) : PyCallable(name)
    {
        public override nint Invoke(PyArguments args)
        {
            if (args.PositionalCount != 0 || args.KeywordCount != 0)
            {
                throw ArityError(0, args);
            }
            body();
            return CApi.NewRef(CApi.Py_None);
        }
    }

    internal sealed class Action1<T1>(string name, Action<T1> body) : PyCallable(name)
    {
        public override nint Invoke(PyArguments args)
        {
            if (args.PositionalCount != 1 || args.KeywordCount != 0)
            {
                throw ArityError(1, args);
            }
            body(PyValue<T1>.FromPython(args[0].Handle));
            return CApi.NewRef(CApi.Py_None);
        }
    }

    internal sealed class Func0<TResult>(string name, Func<TResult> body) : PyCallable(name)
    {
        public override nint Invoke(PyArguments args)
        {
            if (args.PositionalCount != 0 || args.KeywordCount != 0)
            {
                throw ArityError(0, args);
            }
            return PyValue<TResult>.ToPython(body());
        }
    }

    internal sealed class Func1<T1, TResult>(string name, Func<T1, TResult> body) : PyCallable(name)
    {
        public override nint Invoke(PyArguments args)
        {
            if (args.PositionalCount != 1 || args.KeywordCount != 0)
            {
                throw ArityError(1, args);
            }
            return PyValue<TResult>.ToPython(body(PyValue<T1>.FromPython(args[0].Handle)));
        }
    }

    internal sealed class Func2<T1, T2, TResult>(string name, Func<T1, T2, TResult> body) : PyCallable(name)
    {
        public override nint Invoke(PyArguments args)
        {
            if (args.PositionalCount != 2 || args.KeywordCount != 0)
            {
                throw ArityError(2, args);
            }
            return PyValue<TResult>.ToPython(body(PyValue<T1>.FromPython(args[0].Handle), PyValue<T2>.FromPython(args[1].Handle)));
        }
    }
}
