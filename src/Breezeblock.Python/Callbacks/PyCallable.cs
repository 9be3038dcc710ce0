using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// .NET code behind a Python callable. A few <c>[UnmanagedCallersOnly]</c> trampolines serve every
/// callable: the function object's <c>self</c> is a small Python object holding a handle to the
/// <see cref="PyCallable"/>, so a call allocates nothing and a .NET exception becomes a Python
/// exception at the call. Callables of no or one argument use CPython's cheaper METH_NOARGS and
/// METH_O calling conventions, and CPython itself reports a wrong number of arguments.
/// </summary>
internal abstract unsafe class PyCallable(string name)
{
    private static readonly ConcurrentDictionary<(string Name, string? Doc, CallStyle Style), nint> s_methodDefs = new();
    private static PyClass? s_selfClass;

    /// <summary>The calling convention CPython uses for this callable.</summary>
    internal enum CallStyle
    {
        Arguments,
        NoArguments,
        OneArgument,
    }

    public string Name { get; } = name;

    protected virtual CallStyle Style => CallStyle.Arguments;

    /// <summary>Runs the call; returns a new reference (never NULL: failures throw).</summary>
    public abstract nint Invoke(PyArguments args);

    /// <summary>Runs a call of no arguments (<see cref="CallStyle.NoArguments"/>).</summary>
    public virtual nint InvokeNoArguments() => Invoke(default);

    /// <summary>Runs a call of one positional argument, borrowed (<see cref="CallStyle.OneArgument"/>).</summary>
    public virtual nint InvokeOneArgument(nint argument) => Invoke(new PyArguments(new ReadOnlySpan<nint>(&argument, 1), default, default));

    /// <summary>New reference to a Python builtin function that calls this object.</summary>
    public nint CreateFunction(string? doc, string? module)
    {
        var def = MethodDef(Name, doc, Style);
        // The function's self: an instance of a private class whose only content is a handle to this
        // object, read at a fixed offset by the trampolines (no lookup, no name check).
        s_selfClass ??= PyClass.Create(new PyClassDefinition("dotnet_callable", typeof(PyCallable)) { Module = "breezeblock" });
        var self = s_selfClass.WrapRaw(this);
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
    private static nint MethodDef(string name, string? doc, CallStyle style) => s_methodDefs.GetOrAdd((name, doc, style), static key =>
    {
        var def = (CApi.PyMethodDef*)NativeMemory.AllocZeroed((nuint)sizeof(CApi.PyMethodDef));
        def->Name = PyStrings.Utf8Literal(key.Name);
        switch (key.Style)
        {
            case CallStyle.NoArguments:
                def->Method = (delegate* unmanaged<nint, nint, nint>)&NoArgumentsTrampoline;
                def->Flags = CApi.METH_NOARGS;
                break;
            case CallStyle.OneArgument:
                def->Method = (delegate* unmanaged<nint, nint, nint>)&OneArgumentTrampoline;
                def->Flags = CApi.METH_O;
                break;
            default:
                def->Method = (delegate* unmanaged<nint, nint*, nint, nint, nint>)&Trampoline;
                def->Flags = CApi.METH_FASTCALL | CApi.METH_KEYWORDS;
                break;
        }
        def->Doc = key.Doc is null ? null : PyStrings.Utf8Literal(key.Doc);
        return (nint)def;
    });

    [UnmanagedCallersOnly]
    private static nint NoArgumentsTrampoline(nint self, nint unused) => CallbackGuard.Reference(self, &NoArguments);

    private static nint NoArguments(nint self) => ((PyCallable)PyClass.TargetOf(self)).InvokeNoArguments();

    [UnmanagedCallersOnly]
    private static nint OneArgumentTrampoline(nint self, nint argument) => CallbackGuard.Reference((self, argument), &OneArgument);

    private static nint OneArgument((nint Self, nint Argument) call) => ((PyCallable)PyClass.TargetOf(call.Self)).InvokeOneArgument(call.Argument);

    [UnmanagedCallersOnly]
    private static nint Trampoline(nint self, nint* args, nint nargs, nint kwnames) => CallbackGuard.Reference((self, (nint)args, nargs, kwnames), &Arguments);

    private static nint Arguments((nint Self, nint Args, nint Count, nint KeywordNames) call)
    {
        var callable = (PyCallable)PyClass.TargetOf(call.Self);
        var args = (nint*)call.Args;
        if (call.KeywordNames == 0)
        {
            return callable.Invoke(new PyArguments(new ReadOnlySpan<nint>(args, (int)call.Count), default, default));
        }
        var count = (int)CApi.PyTuple_Size(call.KeywordNames);
        var names = count <= 16 ? stackalloc nint[count] : new nint[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = CApi.PyTuple_GetItem(call.KeywordNames, i);
        }
        return callable.Invoke(new PyArguments(
            new ReadOnlySpan<nint>(args, (int)call.Count), names, new ReadOnlySpan<nint>(args + call.Count, count), call.KeywordNames));
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

    /// <summary>A body whose result is a new reference that Python takes over.</summary>
    internal sealed class Owned(string name, Func<PyArguments, PyObject> body) : PyCallable(name)
    {
        public override nint Invoke(PyArguments args)
        {
            using var result = body(args);
            return CApi.NewRef(result.Handle);
        }
    }

    internal sealed class Action0(string name, Action body) : PyCallable(name)
    {
        protected override CallStyle Style => CallStyle.NoArguments;

        public override nint InvokeNoArguments()
        {
            body();
            return CApi.NewRef(CApi.Py_None);
        }

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
        protected override CallStyle Style => CallStyle.OneArgument;

        public override nint InvokeOneArgument(nint argument)
        {
            body(PyValue<T1>.FromPython(argument));
            return CApi.NewRef(CApi.Py_None);
        }

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
        protected override CallStyle Style => CallStyle.NoArguments;

        public override nint InvokeNoArguments() => PyValue<TResult>.ToPython(body());

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
        protected override CallStyle Style => CallStyle.OneArgument;

        public override nint InvokeOneArgument(nint argument) => PyValue<TResult>.ToPython(body(PyValue<T1>.FromPython(argument)));

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
