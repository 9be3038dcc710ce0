using Breezeblock.Python;

namespace Breezeblock;

/// <summary>The embedded signatures.py, made once per process: reads what <c>@configure</c> registered.</summary>
internal sealed class SignaturesModule
{
    private static SignaturesModule? s_instance;

    private SignaturesModule(PyObject module) => DescribeAll = module.GetAttr("describe_all");

    /// <summary>
    /// <c>describe_all(registry, freeze, owner, default_owner, start, count)</c>: one row per function of the
    /// registry ([module], [function], [name]) from start, at most count; see signatures.py for the row's fields.
    /// </summary>
    public PyObject DescribeAll { get; }

    public static SignaturesModule Get(PythonRuntime runtime) =>
        s_instance ??= new SignaturesModule(EmbeddedModule.Create(runtime, "_breezeblock_signatures", "Registration/signatures.py"));
}
