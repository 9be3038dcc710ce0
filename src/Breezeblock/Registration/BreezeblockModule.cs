using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The <c>breezeblock</c> module user code imports <c>configure</c> from. The host provides it (it is
/// not a file on disk): made once per process from the embedded breezeblock.py and put back into
/// <c>sys.modules</c> at the start of every evaluation.
/// </summary>
internal sealed class BreezeblockModule
{
    public const string Name = "breezeblock";
    private static BreezeblockModule? s_instance;

    private BreezeblockModule(PyObject module, PyObject registry, PyObject registered)
    {
        Module = module;
        Registry = registry;
        _registered = registered;
    }

    private readonly PyObject _registered;

    public PyObject Module { get; }

    /// <summary>The list of (function, explicit name) that <c>@configure</c> appends to.</summary>
    public PyObject Registry { get; }

    /// <summary>The module, created on first use (the GIL must be held).</summary>
    public static BreezeblockModule Get(PythonRuntime runtime) => s_instance ??= Create(runtime);

    private static BreezeblockModule Create(PythonRuntime runtime)
    {
        var module = EmbeddedModule.Create(runtime, Name, "Registration/breezeblock.py");
        return new BreezeblockModule(module, module.GetAttr("_registry"), module.GetAttr("_registered"));
    }

    /// <summary>Makes <c>import breezeblock</c> find this module and empties the registry.</summary>
    public void Install(PyObject sysModules)
    {
        sysModules.SetItem(Name, Module);
        Clear();
    }

    public void Clear()
    {
        using (var clear = Registry.GetAttr("clear"))
        {
            clear.Invoke();
        }
        using (var clear = _registered.GetAttr("clear"))
        {
            clear.Invoke();
        }
    }
}
