using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The embedded secrets.py, made once per process: the <c>Secret</c> class <c>breezeblock</c> exports,
/// its placeholders made and revealed by <see cref="SecretTable"/>. The GIL must be held.
/// </summary>
internal sealed class SecretsModule
{
    private static SecretsModule? s_instance;

    private SecretsModule(PyObject module)
    {
        EmbeddedModule.SetMessages(module,
            ("not_text", Messages.SecretNotTextTemplate),
            ("hidden", Messages.SecretHiddenTemplate),
            ("compare", Messages.SecretCompared),
            ("pickle", Messages.SecretPickled),
            ("unknown", Messages.SecretUnknown));
        using (var register = PyFunction.Create<string, string>("register", SecretTable.Register))
        {
            module.SetAttr("_register", register);
        }
        using (var reveal = PyFunction.Create<string, string?>("reveal", token => SecretTable.TryValue(token, out var value) ? value : null))
        {
            module.SetAttr("_reveal", reveal);
        }
        Module = module;
        SecretClass = module.GetAttr("Secret");
        Function = module.GetAttr("secret");
    }

    public PyObject Module { get; }

    /// <summary><c>breezeblock.Secret</c>.</summary>
    public PyObject SecretClass { get; }

    /// <summary><c>breezeblock.secret</c>.</summary>
    public PyObject Function { get; }

    public static SecretsModule Get(PythonRuntime runtime) =>
        s_instance ??= new SecretsModule(EmbeddedModule.Create(runtime, "_breezeblock_secrets", "Secrets/secrets.py"));

    /// <summary>A Python <c>Secret</c> for <paramref name="value"/> (a new reference).</summary>
    public PyObject Create(string value) => SecretClass.Call(value);

    /// <summary>True when <paramref name="value"/> is a Python <c>Secret</c>.</summary>
    public bool IsSecret(PyArgument value) => value.IsExactly(SecretClass);
}
