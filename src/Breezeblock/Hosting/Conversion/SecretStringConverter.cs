using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// <see cref="SecretString"/>: from any str (a <c>Secret</c>'s value, or text that holds secrets, or
/// plain text, which becomes secret), to a <c>breezeblock.Secret</c>.
/// </summary>
internal sealed class SecretStringConverter : Converter
{
    public override string PythonType => "Secret";

    public override string AcceptedType => "str";

    public override object? FromPython(PyArgument value, string what) => value.IsStr ? new SecretString(value.AsString()) : throw WrongType(what, "str", value);

    public override object? ToPython(object? value) =>
        value is SecretString secret ? SecretsModule.Get(PythonRuntime.Current).Create(secret.Reveal()) : value;
}
