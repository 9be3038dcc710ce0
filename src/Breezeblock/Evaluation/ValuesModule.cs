using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The embedded values.py, made once per process: <c>freeze</c> (results, inputs and defaults become
/// read-only) and <c>same</c> (strict equality, for the workspace's early cutoff). Its error texts come
/// from <see cref="Messages"/>.
/// </summary>
internal sealed class ValuesModule
{
    private static ValuesModule? s_instance;

    private ValuesModule(PyObject module)
    {
        EmbeddedModule.SetMessages(module,
            ("frozen", Messages.FrozenTemplate),
            ("result_owner", Messages.ResultOwnerTemplate),
            ("too_deep", Messages.TooDeepTemplate),
            ("unknown_owner", Messages.UnknownOwner));
        Freeze = module.GetAttr("freeze");
        Owner = module.GetAttr("Owner");
        Same = module.GetAttr("same");
        FindCycle = module.GetAttr("find_cycle");
        _forgetOwners = module.GetAttr("forget_owners");
    }

    private readonly PyObject _forgetOwners;

    /// <summary>Called as each evaluation starts, so the owners of frozen dataclass instances are not kept for longer.</summary>
    public void ForgetOwners() => _forgetOwners.Call().Dispose();

    /// <summary>The secrets module, whose Secret values freeze as they are.</summary>
    public required SecretsModule Secrets { get; init; }

    /// <summary><c>freeze(value, owner, host_freeze=None)</c>.</summary>
    public PyObject Freeze { get; }

    /// <summary><c>Owner(text)</c>: what a frozen value belongs to, in full (an input, a default); a config's result is owned by its name.</summary>
    public PyObject Owner { get; }

    /// <summary><c>find_cycle(value, base) -> [where, container] | None</c>: where a value contains itself.</summary>
    public PyObject FindCycle { get; }

    /// <summary><c>same(a, b) -> bool</c>.</summary>
    public PyObject Same { get; }

    public bool AreSame(PyObject a, PyObject b)
    {
        using var result = Same.Call(a, b);
        return result.As<bool>();
    }

    /// <summary>The frozen form of <paramref name="value"/> (a new reference).</summary>
    public PyObject FreezeValue(PyObject value, string owner, PyObject? hostFreeze = null)
    {
        using var described = Owner.Call(owner);
        return Freeze.Call(value, described, hostFreeze);
    }

    public static ValuesModule Get(PythonRuntime runtime)
    {
        if (s_instance is null)
        {
            var module = EmbeddedModule.Create(runtime, "_breezeblock_values", "Evaluation/values.py");
            using (var addAtomic = module.GetAttr("add_atomic"))
            {
                addAtomic.Call(SecretsModule.Get(runtime).SecretClass).Dispose(); // a Secret is a str: nothing in it to freeze
            }
            s_instance = new ValuesModule(module) { Secrets = SecretsModule.Get(runtime) };
        }
        return s_instance;
    }
}
