using System.Diagnostics.CodeAnalysis;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>A C# enum as its Python enum: only members of that enum are accepted.</summary>
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal sealed class EnumConverter(HostEnumModel model) : Converter
{
    public HostEnumModel Model => model;

    public override string PythonType => model.PythonName;

    public override object? FromPython(PyArgument value, string what)
    {
        var python = HostBridge.Enum(model);
        using var owned = value.ToPyObject();
        if (!PythonHelpers.Get().IsInstance(owned, python.Class))
        {
            throw WrongType(what, model.PythonName, value);
        }
        return python.DotnetValue(owned);
    }

    public override object? ToPython(object? value) => value is null ? null : HostBridge.Enum(model).Member(value);
}

/// <summary>
/// A host class: instances of its Python class, which are the .NET objects themselves, and the
/// plain values the class converts from (<see cref="ScalarConversions"/>).
/// </summary>
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal sealed class HostClassConverter(HostClassModel model) : Converter
{
    public HostClassModel Model => model;

    public override string PythonType => model.PythonName;

    public override string AcceptedType => model.Conversions is { } conversions ? $"Union[{model.PythonName}, {string.Join(", ", conversions.PythonTypes)}]" : model.PythonName;

    public override object? FromPython(PyArgument value, string what)
    {
        HostBridge.Class(model); // registers the class, so its instances unwrap
        if (value.TryGetWrapped(out var target) && model.Type.IsInstanceOfType(target))
        {
            return target;
        }
        return model.Conversions is { } conversions && conversions.TryConvert(value, what, out var converted) ? converted : throw WrongType(what, AcceptedType, value);
    }

    public override object? ToPython(object? value)
    {
        if (value is not null)
        {
            HostBridge.Class(model);
        }
        return value;
    }
}
