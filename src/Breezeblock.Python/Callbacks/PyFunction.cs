namespace Breezeblock.Python;

/// <summary>The body of a Python function written in .NET; its result is converted like <see cref="PyObject.From"/>.</summary>
public delegate object? PyFunctionBody(PyArguments args);

/// <summary>
/// Makes Python functions backed by .NET code. An exception thrown by the body is raised in Python at
/// the calling line (ArgumentException → ValueError, InvalidCastException → TypeError, KeyNotFound →
/// KeyError, others → RuntimeError) and carries the .NET exception back if it returns to .NET.
/// All methods need the GIL.
/// </summary>
public static class PyFunction
{
    /// <summary>A function receiving its arguments as they came.</summary>
    public static PyObject Create(string name, PyFunctionBody body, string? doc = null, string? module = null) =>
        Make(new PyCallable.Untyped(name, body), doc, module);

    /// <summary>
    /// A function whose body returns a Python object for Python to take over (the function disposes
    /// it): for a function that passes a call on (<see cref="PyObject.CallWith"/>) and returns what it gives.
    /// </summary>
    public static PyObject CreateOwned(string name, Func<PyArguments, PyObject> body, string? doc = null, string? module = null) =>
        Make(new PyCallable.Owned(name, body), doc, module);

    /// <summary>A function of no arguments returning None.</summary>
    public static PyObject Create(string name, Action body) => Make(new PyCallable.Action0(name, body), null, null);

    /// <summary>A function of one positional argument returning None.</summary>
    public static PyObject Create<T1>(string name, Action<T1> body) => Make(new PyCallable.Action1<T1>(name, body), null, null);

    /// <summary>A function of no arguments.</summary>
    public static PyObject Create<TResult>(string name, Func<TResult> body) => Make(new PyCallable.Func0<TResult>(name, body), null, null);

    /// <summary>A function of one positional argument.</summary>
    public static PyObject Create<T1, TResult>(string name, Func<T1, TResult> body) => Make(new PyCallable.Func1<T1, TResult>(name, body), null, null);

    /// <summary>A function of two positional arguments.</summary>
    public static PyObject Create<T1, T2, TResult>(string name, Func<T1, T2, TResult> body) =>
        Make(new PyCallable.Func2<T1, T2, TResult>(name, body), null, null);

    private static PyObject Make(PyCallable callable, string? doc, string? module)
    {
        Gil.EnsureHeld();
        return PyObject.Steal(callable.CreateFunction(doc, module));
    }
}
