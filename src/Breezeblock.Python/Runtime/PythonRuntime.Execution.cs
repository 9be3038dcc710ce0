using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>Importing modules and compiling and running source. Every method needs the GIL.</summary>
public sealed unsafe partial class PythonRuntime
{
    /// <summary><c>import name</c>: the module object.</summary>
    public PyObject Import(string name)
    {
        Gil.EnsureHeld();
        fixed (byte* utf8 = PyStrings.Utf8Z(name))
        {
            return PyObject.Steal(Check.NotNull(CApi.PyImport_ImportModule(utf8)));
        }
    }

    /// <summary>A fresh globals dict, with builtins, for Execute and <see cref="Evaluate"/>.</summary>
    public PyObject CreateGlobals(string moduleName = "__main__")
    {
        Gil.EnsureHeld();
        var globals = PyObject.Steal(Check.NotNull(CApi.PyDict_New()));
        using (var builtins = Import("builtins"))
        {
            globals.SetItem("__builtins__", builtins);
        }
        globals.SetItem("__name__", moduleName);
        return globals;
    }

    /// <summary>
    /// Compiles source as a module body. <paramref name="fileName"/> is what tracebacks show; when no
    /// such file exists the source is registered with <c>linecache</c> so tracebacks still show lines.
    /// </summary>
    public PyObject Compile(string source, string fileName) => CompileAs(source, fileName, CApi.Py_file_input);

    /// <summary>Runs source (a module body) in <paramref name="globals"/>, or in fresh globals; returns the globals.</summary>
    public PyObject Execute(string source, string fileName = "<string>", PyObject? globals = null)
    {
        using var code = Compile(source, fileName);
        return Execute(code, globals);
    }

    /// <summary>Runs a compiled code object in <paramref name="globals"/>, or in fresh globals; returns the globals.</summary>
    public PyObject Execute(PyObject code, PyObject? globals = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        var scope = globals?.NewReference() ?? CreateGlobals();
        try
        {
            EnsureBuiltins(scope);
            CApi.Py_DecRef(Check.NotNull(CApi.PyEval_EvalCode(code.Handle, scope.Handle, scope.Handle)));
            return scope;
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }

    /// <summary>Evaluates an expression in <paramref name="globals"/>, or in fresh globals.</summary>
    public PyObject Evaluate(string expression, PyObject? globals = null)
    {
        using var code = CompileAs(expression, "<expression>", CApi.Py_eval_input);
        using var scope = globals?.NewReference() ?? CreateGlobals();
        EnsureBuiltins(scope);
        return PyObject.Steal(Check.NotNull(CApi.PyEval_EvalCode(code.Handle, scope.Handle, scope.Handle)));
    }

    // Python 3.9 runs code whose globals lack __builtins__ with almost no builtins (not even
    // __import__); later versions fall back to the interpreter's. Module dicts made by
    // PyModule_New lack it, so it is added here once.
    private void EnsureBuiltins(PyObject globals)
    {
        fixed (byte* name = "__builtins__"u8)
        {
            if (CApi.IsInstanceOf(globals.Handle, CApi.PyDict_Type) && CApi.PyDict_GetItemString(globals.Handle, name) == 0)
            {
                using var builtins = Import("builtins");
                Check.Status(CApi.PyDict_SetItemString(globals.Handle, name, builtins.Handle));
            }
        }
    }

    private PyObject CompileAs(string source, string fileName, int start)
    {
        Gil.EnsureHeld();
        if (!File.Exists(fileName))
        {
            RegisterSource(fileName, source);
        }
        fixed (byte* text = PyStrings.Utf8Z(source))
        fixed (byte* file = PyStrings.Utf8Z(fileName))
        {
            return PyObject.Steal(Check.NotNull(CApi.Py_CompileStringExFlags(text, file, start, null, -1)));
        }
    }

    // linecache.cache[name] = (size, None, lines, name): a None mtime marks an entry that
    // linecache.checkcache keeps even though no such file exists.
    private void RegisterSource(string fileName, string source)
    {
        using var linecache = Import("linecache");
        using var cache = linecache.GetAttr("cache");
        var lines = source.Split('\n').Select(line => (object?)(line + "\n")).ToList();
        cache.SetItem(fileName, new object?[] { source.Length, null, lines, fileName });
    }
}
