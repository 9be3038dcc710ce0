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

/// <summary>A host class: only instances of its Python class are accepted, and they are the .NET objects themselves.</summary>
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal sealed class HostClassConverter(HostClassModel model) : Converter
{
    public HostClassModel Model => model;

    public override string PythonType => model.PythonName;

    public override object? FromPython(PyArgument value, string what)
    {
        HostBridge.Class(model); // registers the class, so its instances unwrap
        return value.TryGetWrapped(out var target) && model.Type.IsInstanceOfType(target) ? target : throw WrongType(what, model.PythonName, value);
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
