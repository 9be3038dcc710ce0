using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The <c>breezeblock</c> module user code imports <c>configure</c> from. The host provides it (it is
/// not a file on disk): made once per process from the embedded breezeblock.py and put into
/// <c>sys.modules</c> for every evaluation. <c>@configure</c> reports each function to the workspace
/// whose folder is loading (its finder sets the module's <c>_sink</c> while it evaluates).
/// </summary>
internal sealed class BreezeblockModule
{
    public const string Name = "breezeblock";
    private static BreezeblockModule? s_instance;

    private BreezeblockModule(PyObject module) => Module = module;

    public PyObject Module { get; }

    /// <summary>The module, created on first use (the GIL must be held).</summary>
    public static BreezeblockModule Get(PythonRuntime runtime)
    {
        if (s_instance is null)
        {
            var module = EmbeddedModule.Create(runtime, Name, "Registration/breezeblock.py");
            var secrets = SecretsModule.Get(runtime);
            module.SetAttr("Secret", secrets.SecretClass);
            module.SetAttr("secret", secrets.Function);
            var types = TypesModule.Get(runtime);
            foreach (var constraint in (ReadOnlySpan<string>)["Range", "Length", "Pattern"])
            {
                using var value = types.Module.GetAttr(constraint);
                module.SetAttr(constraint, value);
            }
            s_instance = new BreezeblockModule(module);
        }
        return s_instance;
    }

    /// <summary>Makes <c>import breezeblock</c> find this module.</summary>
    public void Install(PyObject sysModules) => sysModules.SetItem(Name, Module);
}
