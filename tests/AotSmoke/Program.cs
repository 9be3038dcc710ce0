using Breezeblock.Python;

// Exercises each part of the binding once: start, GIL, conversions, a callback, a class, an error.
var runtime = PythonRuntime.Initialize();
var report = runtime.Run(() =>
{
    using var add = PyFunction.Create("add", (long a, long b) => a + b);
    var definition = new PyClassDefinition("Box", typeof(List<object?>)) { Constructor = _ => new List<object?> { "boxed" } };
    var box = PyClass.Create(definition);
    using var globals = runtime.CreateGlobals();
    globals.SetItem("add", add);
    globals.SetItem("Box", box.Type);
    using var result = runtime.Evaluate("(add(40, 2), 'héllo 😀', [1.5, None], type(Box()).__name__)", globals);
    var values = (object?[])result.ToManaged()!;
    var error = "";
    try
    {
        runtime.Execute("import ctypes, json\nraise ValueError(json.dumps({'size': ctypes.sizeof(ctypes.c_int)}))");
    }
    catch (PythonException e)
    {
        error = e.Message;
    }
    return $"python {runtime.Version.Major}.{runtime.Version.Minor} add={values[0]} text={values[1]} list={((List<object?>)values[2]!).Count} class={values[3]} error={error}";
});
Console.WriteLine(report);
Console.Out.Flush();
// Written into Python's own stdout buffer; the runtime flushes it when the process exits.
runtime.Run(() => runtime.Execute("print('python output flushed at exit')").Dispose());
