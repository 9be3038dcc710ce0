using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// A function <c>@configure</c> or <c>@check</c> registered, kept by the workspace until the module that registered it
/// runs again. A config's cached result stays valid only while its function is this same registration.
/// </summary>
internal sealed class RegisteredFunction(string module, PyObject callable, ConfigFunction function, long identity) : IDisposable
{
    /// <summary>The module whose body registered it.</summary>
    public string Module { get; } = module;

    /// <summary>The Python function.</summary>
    public PyObject Callable { get; } = callable;

    /// <summary>Its name, location and parameters; <see cref="ConfigFunction.Order"/> is set for each evaluation.</summary>
    public ConfigFunction Function { get; set; } = function;

    /// <summary>Python's <c>id()</c> of the function, so that a function two modules register counts once.</summary>
    public long Identity { get; } = identity;

    /// <summary>The function annotates its return value: its value is checked against it, and parameters that receive it against it.</summary>
    public bool ReturnAnnotated { get; init; }

    /// <summary>The function annotates a parameter: the configs it receives are checked against those annotations.</summary>
    public bool ParametersAnnotated { get; init; }

    /// <summary>For a <c>@check(each=...)</c>: the types (a tuple) whose values it checks.</summary>
    public PyObject? Each { get; init; }

    public void Dispose()
    {
        Callable.Dispose();
        Each?.Dispose();
    }
}
