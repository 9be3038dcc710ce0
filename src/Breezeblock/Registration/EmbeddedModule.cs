using Breezeblock.Python;

namespace Breezeblock;

/// <summary>Makes a Python module from one of the engine's embedded .py files.</summary>
internal static class EmbeddedModule
{
    /// <summary>
    /// A new module called <paramref name="name"/> whose body is the embedded file (the GIL must be held);
    /// <paramref name="uses"/> are the other embedded modules it uses, set as its globals once its body
    /// has run (the body names them with placeholders; they are used when its functions are called).
    /// </summary>
    public static PyObject Create(PythonRuntime runtime, string name, string resource, params ReadOnlySpan<(string Name, PyObject Module)> uses)
    {
        var module = new PyModuleBuilder(name).Build();
        using var globals = module.GetAttr("__dict__");
        using var code = runtime.Compile(EmbeddedPython.Read(resource), $"<breezeblock>/{resource}");
        runtime.Execute(code, globals).Dispose();
        foreach (var (global, used) in uses)
        {
            globals.SetItem(global, used);
        }
        return module;
    }

    /// <summary>Fills the module's <c>MESSAGES</c> dict: the texts its Python raises come from Messages.cs too.</summary>
    public static void SetMessages(PyObject module, params ReadOnlySpan<(string Key, string Text)> messages)
    {
        using var target = module.GetAttr("MESSAGES");
        foreach (var (key, text) in messages)
        {
            target.SetItem(key, text);
        }
    }
}
