using Breezeblock.Python;

namespace Breezeblock;

/// <summary>Makes a Python module from one of the engine's embedded .py files.</summary>
internal static class EmbeddedModule
{
    /// <summary>A new module called <paramref name="name"/> whose body is the embedded file (the GIL must be held).</summary>
    public static PyObject Create(PythonRuntime runtime, string name, string resource)
    {
        var module = new PyModuleBuilder(name).Build();
        using var globals = module.GetAttr("__dict__");
        using var code = runtime.Compile(EmbeddedPython.Read(resource), $"<breezeblock>/{resource}");
        runtime.Execute(code, globals).Dispose();
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
