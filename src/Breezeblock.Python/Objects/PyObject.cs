using System.Runtime.CompilerServices;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// An owned reference to a Python object. Dispose it to release the reference at once; one that is
/// only garbage collected is released later, by whichever thread next holds the GIL (finalizers
/// never take the GIL). Every member needs the GIL on the calling thread, except
/// <see cref="Dispose"/> and <see cref="ToString"/>.
/// </summary>
public sealed unsafe class PyObject : IDisposable
{
    private nint _handle;

    private PyObject(nint owned) => _handle = owned;

    /// <summary>Takes ownership of a new reference.</summary>
    internal static PyObject Steal(nint owned) => new(owned);

    /// <summary>Makes a new owned reference from a borrowed one.</summary>
    internal static PyObject Borrow(nint borrowed)
    {
        CApi.Py_IncRef(borrowed);
        return new PyObject(borrowed);
    }

    /// <summary>The <c>PyObject*</c>; throws when disposed.</summary>
    internal nint Handle
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(PyObject));
    }

    internal bool IsAlive => _handle != 0;

    /// <summary>A new reference to <c>None</c>.</summary>
    public static PyObject None
    {
        get
        {
            Gil.EnsureHeld();
            return Borrow(CApi.Py_None);
        }
    }

    /// <summary>True for <c>None</c>.</summary>
    public bool IsNone => Handle == CApi.Py_None;

    /// <summary>The type's name as Python's messages show it (<c>str</c>, <c>Config</c>).</summary>
    public string TypeName
    {
        get
        {
            Gil.EnsureHeld();
            return PyValues.TypeNameOf(Handle);
        }
    }

    /// <summary>True when the object can be called.</summary>
    public bool IsCallable
    {
        get
        {
            Gil.EnsureHeld();
            return CApi.PyCallable_Check(Handle) != 0;
        }
    }

    /// <summary>Converts a .NET value to a new Python object (see <see cref="ToManaged"/> for the mapping).</summary>
    public static PyObject From(object? value)
    {
        Gil.EnsureHeld();
        return Steal(PyValues.FromManaged(value));
    }

    /// <summary>
    /// The .NET value: None → null, bool, int → long (BigInteger beyond 64 bits), float → double,
    /// str → string, bytes → byte[], list → List&lt;object?&gt;, tuple → object?[],
    /// dict → Dictionary&lt;object, object?&gt;, set → HashSet&lt;object?&gt;, decimal.Decimal → decimal;
    /// other objects stay Python objects (a new <see cref="PyObject"/>).
    /// </summary>
    public object? ToManaged()
    {
        Gil.EnsureHeld();
        return PyValues.ToManaged(Handle);
    }

    /// <summary>Converts to <typeparamref name="T"/>; throws <see cref="InvalidCastException"/> naming both types.</summary>
    public T As<T>()
    {
        Gil.EnsureHeld();
        return PyValue<T>.FromPython(Handle);
    }

    /// <summary>This object lent as a <see cref="PyArgument"/>, valid while this object is alive (GIL needed).</summary>
    public PyArgument AsArgument()
    {
        Gil.EnsureHeld();
        return new PyArgument(Handle);
    }

    /// <summary><c>getattr(self, name)</c>.</summary>
    public PyObject GetAttr(string name)
    {
        Gil.EnsureHeld();
        fixed (byte* utf8 = PyStrings.Utf8Z(name))
        {
            return Steal(Check.NotNull(CApi.PyObject_GetAttrString(Handle, utf8)));
        }
    }

    /// <summary><c>getattr(self, name)</c>, or false when there is no such attribute.</summary>
    public bool TryGetAttr(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PyObject? value)
    {
        Gil.EnsureHeld();
        fixed (byte* utf8 = PyStrings.Utf8Z(name))
        {
            var result = CApi.PyObject_GetAttrString(Handle, utf8);
            if (result == 0)
            {
                if (CApi.PyErr_ExceptionMatches(CApi.PyExc_AttributeError) == 0)
                {
                    throw PythonErrors.Fetch();
                }
                CApi.PyErr_Clear();
                value = null;
                return false;
            }
            value = Steal(result);
            return true;
        }
    }

    /// <summary><c>hasattr(self, name)</c>.</summary>
    public bool HasAttr(string name)
    {
        if (!TryGetAttr(name, out var value))
        {
            return false;
        }
        value.Dispose();
        return true;
    }

    /// <summary><c>setattr(self, name, value)</c>; the value is converted like <see cref="From"/>.</summary>
    public void SetAttr(string name, object? value)
    {
        Gil.EnsureHeld();
        var converted = PyValues.FromManaged(value);
        try
        {
            fixed (byte* utf8 = PyStrings.Utf8Z(name))
            {
                Check.Status(CApi.PyObject_SetAttrString(Handle, utf8, converted));
            }
        }
        finally
        {
            CApi.Py_DecRef(converted);
        }
    }

    /// <summary><c>self[key]</c>.</summary>
    public PyObject GetItem(object? key)
    {
        Gil.EnsureHeld();
        var pyKey = PyValues.FromManaged(key);
        try
        {
            return Steal(Check.NotNull(CApi.PyObject_GetItem(Handle, pyKey)));
        }
        finally
        {
            CApi.Py_DecRef(pyKey);
        }
    }

    /// <summary><c>self[key] = value</c>.</summary>
    public void SetItem(object? key, object? value)
    {
        Gil.EnsureHeld();
        var pyKey = PyValues.FromManaged(key);
        nint pyValue = 0;
        try
        {
            pyValue = PyValues.FromManaged(value);
            Check.Status(CApi.PyObject_SetItem(Handle, pyKey, pyValue));
        }
        finally
        {
            CApi.Py_DecRef(pyKey);
            if (pyValue != 0)
            {
                CApi.Py_DecRef(pyValue);
            }
        }
    }

    /// <summary><c>len(self)</c>.</summary>
    public long Length
    {
        get
        {
            Gil.EnsureHeld();
            return Check.Size(CApi.PyObject_Size(Handle));
        }
    }

    /// <summary>Iterates the object (<c>for item in self</c>); each item is a new owned reference.</summary>
    public IEnumerable<PyObject> Iterate()
    {
        Gil.EnsureHeld();
        var iterator = Steal(Check.NotNull(CApi.PyObject_GetIter(Handle)));
        return Items(iterator);

        static IEnumerable<PyObject> Items(PyObject iterator)
        {
            using (iterator)
            {
                while (true)
                {
                    var item = Next(iterator);
                    if (item is null)
                    {
                        yield break;
                    }
                    yield return item;
                }
            }
        }
    }

    private static PyObject? Next(PyObject iterator)
    {
        Gil.EnsureHeld();
        var item = CApi.PyIter_Next(iterator.Handle);
        if (item == 0)
        {
            Check.NoError();
            return null;
        }
        return Steal(item);
    }

    /// <summary><c>self()</c>, discarding the result: the cheapest call.</summary>
    public void Invoke()
    {
        Gil.EnsureHeld();
        var result = CApi.PyObject_CallNoArgs(Handle);
        if (result == 0)
        {
            throw PythonErrors.Fetch();
        }
        CApi.Py_DecRef(result);
    }

    /// <summary>
    /// Calls this object with the arguments of a call from Python into .NET, passed on as they came:
    /// the same objects, positional and keyword, so a function that wraps another changes nothing of
    /// what it is given (or of the errors those arguments cause).
    /// </summary>
    public PyObject CallWith(PyArguments arguments)
    {
        Gil.EnsureHeld();
        var count = arguments.PositionalCount + arguments.KeywordCount;
        Span<nint> all = count <= 16 ? stackalloc nint[count] : new nint[count];
        for (var i = 0; i < arguments.PositionalCount; i++)
        {
            all[i] = arguments.PositionalHandle(i);
        }
        for (var i = 0; i < arguments.KeywordCount; i++)
        {
            all[arguments.PositionalCount + i] = arguments.KeywordValueHandle(i);
        }
        var names = arguments.KeywordNamesTuple;
        var made = false;
        if (arguments.KeywordCount > 0 && names == 0)
        {
            names = Check.NotNull(CApi.PyTuple_New(arguments.KeywordCount));
            made = true;
            for (var i = 0; i < arguments.KeywordCount; i++)
            {
                CApi.PyTuple_SetItem(names, i, CApi.NewRef(arguments.KeywordNameHandle(i))); // a new tuple of borrowed names: cannot fail
            }
        }
        try
        {
            fixed (nint* items = all)
            {
                return Steal(Check.NotNull(CApi.Vectorcall(Handle, items, (nuint)arguments.PositionalCount, arguments.KeywordCount > 0 ? names : 0)));
            }
        }
        finally
        {
            if (made)
            {
                CApi.Py_DecRef(names);
            }
        }
    }

    /// <summary><c>self(*args)</c> with .NET arguments converted like <see cref="From"/>.</summary>
    public PyObject Call(params ReadOnlySpan<object?> args)
    {
        Gil.EnsureHeld();
        return Steal(CallRaw(args, null));
    }

    /// <summary><c>self(*args, **kwargs)</c>.</summary>
    public PyObject Call(ReadOnlySpan<object?> args, IEnumerable<KeyValuePair<string, object?>> kwargs)
    {
        Gil.EnsureHeld();
        return Steal(CallRaw(args, kwargs));
    }

    /// <summary><c>self()</c> converted to <typeparamref name="TResult"/>.</summary>
    public TResult Call<TResult>()
    {
        Gil.EnsureHeld();
        return Converted<TResult>(CApi.PyObject_CallNoArgs(Handle));
    }

    /// <summary><c>self(arg)</c> converted to <typeparamref name="TResult"/>, without boxing common types.</summary>
    public TResult Call<T1, TResult>(T1 arg)
    {
        Gil.EnsureHeld();
        var a = PyValue<T1>.ToPython(arg);
        var result = CApi.PyObject_VectorcallDict(Handle, &a, 1, 0);
        CApi.Py_DecRef(a);
        return Converted<TResult>(result);
    }

    /// <summary><c>self(arg1, arg2)</c> converted to <typeparamref name="TResult"/>, without boxing common types.</summary>
    public TResult Call<T1, T2, TResult>(T1 arg1, T2 arg2)
    {
        Gil.EnsureHeld();
        var args = stackalloc nint[2];
        args[0] = PyValue<T1>.ToPython(arg1);
        try
        {
            args[1] = PyValue<T2>.ToPython(arg2);
        }
        catch
        {
            CApi.Py_DecRef(args[0]);
            throw;
        }
        var result = CApi.PyObject_VectorcallDict(Handle, args, 2, 0);
        CApi.Py_DecRef(args[0]);
        CApi.Py_DecRef(args[1]);
        return Converted<TResult>(result);
    }

    private static TResult Converted<TResult>(nint result)
    {
        if (result == 0)
        {
            throw PythonErrors.Fetch();
        }
        try
        {
            return PyValue<TResult>.FromPython(result);
        }
        finally
        {
            CApi.Py_DecRef(result);
        }
    }

    /// <summary>New reference: the result of calling with converted arguments.</summary>
    internal nint CallRaw(ReadOnlySpan<object?> args, IEnumerable<KeyValuePair<string, object?>>? kwargs)
    {
        var count = args.Length;
        var converted = count <= 8 ? stackalloc nint[count] : new nint[count];
        var made = 0;
        nint dict = 0;
        try
        {
            for (; made < count; made++)
            {
                converted[made] = PyValues.FromManaged(args[made]);
            }
            if (kwargs is not null)
            {
                dict = Check.NotNull(CApi.PyDict_New());
                if (kwargs is List<KeyValuePair<string, object?>> list)
                {
                    foreach (var (key, value) in list) // the list's own enumerator: nothing allocated per call
                    {
                        SetKeyword(dict, key, value);
                    }
                }
                else
                {
                    foreach (var (key, value) in kwargs)
                    {
                        SetKeyword(dict, key, value);
                    }
                }
            }
            fixed (nint* p = converted)
            {
                return Check.NotNull(CApi.PyObject_VectorcallDict(Handle, p, (nuint)count, dict));
            }
        }
        finally
        {
            for (var i = 0; i < made; i++)
            {
                CApi.Py_DecRef(converted[i]);
            }
            if (dict != 0)
            {
                CApi.Py_DecRef(dict);
            }
        }
    }

    private static void SetKeyword(nint dict, string key, object? value)
    {
        var item = PyValues.FromManaged(value);
        nint name = 0;
        try
        {
            name = PyStrings.FromString(key);
            CApi.PyUnicode_InternInPlace(&name); // as PyDict_SetItemString does: the callee matches parameter names by identity first
            Check.Status(CApi.PyDict_SetItem(dict, name, item));
        }
        finally
        {
            CApi.Py_DecRef(item);
            if (name != 0)
            {
                CApi.Py_DecRef(name);
            }
        }
    }

    /// <summary><c>repr(self)</c>.</summary>
    public string Repr()
    {
        Gil.EnsureHeld();
        return PyValues.Repr(Handle);
    }

    /// <summary><c>str(self)</c>; takes the GIL itself, so debuggers and loggers can call it from any thread.</summary>
    public override string ToString()
    {
        if (_handle == 0)
        {
            return "<disposed PyObject>";
        }
        if (Gil.IsHeld)
        {
            return PyValues.Str(Handle);
        }
        var depth = Gil.Enter();
        try
        {
            return PyValues.Str(Handle);
        }
        finally
        {
            Gil.Exit(depth);
        }
    }

    /// <summary>Another owner of the same object.</summary>
    public PyObject NewReference()
    {
        Gil.EnsureHeld();
        return Borrow(Handle);
    }

    /// <summary>Gives up ownership: returns the reference and leaves this object disposed.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA1816", Justification = "Ownership moves to the caller, so there is nothing left to finalize.")]
    internal nint Detach()
    {
        var handle = Interlocked.Exchange(ref _handle, 0);
        GC.SuppressFinalize(this);
        return handle;
    }

    /// <summary>Releases the reference now when this thread holds the GIL, else at the next GIL entry.</summary>
    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, 0);
        if (handle == 0)
        {
            return;
        }
        GC.SuppressFinalize(this);
        if (Gil.IsHeld)
        {
            CApi.Py_DecRef(handle);
        }
        else
        {
            ReleaseQueue.EnqueueObject(handle);
        }
    }

    /// <summary>Queues the reference for release; never touches Python on the finalizer thread.</summary>
    ~PyObject()
    {
        if (_handle != 0)
        {
            ReleaseQueue.EnqueueObject(_handle);
        }
    }
}
