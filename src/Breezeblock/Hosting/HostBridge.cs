using System.Diagnostics.CodeAnalysis;
using System.Collections.Concurrent;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The Python side of host types, made on first use and kept for the process (Python types live as
/// long as the interpreter): one Python class per host class, one enum per C# enum, and the proxy
/// classes for live collections. The GIL must be held.
/// </summary>
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal static class HostBridge
{
    private static readonly ConcurrentDictionary<Type, PyClass> s_classes = new();
    private static readonly ConcurrentDictionary<Type, HostEnumPython> s_enums = new();
    private static readonly ConcurrentDictionary<Type, string> s_modules = new();
    private static PyClass? s_list;
    private static PyClass? s_dict;

    /// <summary>Assigns types to the host module that declares them (the first module wins).</summary>
    public static void ClaimModule(Type type, string module) => s_modules.TryAdd(type, module);

    [RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
    [RequiresDynamicCode(Messages.HostTypesNeedReflection)]
    public static PyClass Class(HostClassModel model) =>
        s_classes.GetOrAdd(model.Type, _ => PyClass.Create(HostClass.Definition(model, s_modules.GetValueOrDefault(model.Type))));

    public static HostEnumPython Enum(HostEnumModel model) =>
        s_enums.GetOrAdd(model.Type, _ => new HostEnumPython(model, s_modules.GetValueOrDefault(model.Type)));

    /// <summary>A live list or dict proxy, ready to be converted to Python.</summary>
    public static object Proxy(object proxy)
    {
        if (proxy is HostList)
        {
            s_list ??= PyClass.Create(HostList.Definition());
        }
        else
        {
            s_dict ??= PyClass.Create(HostDict.Definition());
        }
        return proxy;
    }

    /// <summary>The Python object for a host type: its class or its enum.</summary>
    public static PyObject TypeObject(HostTypeModel model) => model switch
    {
        HostClassModel classModel => Class(classModel).Type.NewReference(),
        HostEnumModel enumModel => Enum(enumModel).Class.NewReference(),
        _ => throw new InvalidOperationException(model.Type.Name),
    };
}

/// <summary>A C# enum's Python enum: <c>Tier.GOLD</c>, whose value is the C# name <c>"Gold"</c>.</summary>
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal sealed class HostEnumPython
{
    private readonly Dictionary<string, object> _dotnetByPythonName;
    private readonly Dictionary<object, string> _pythonNameByDotnet;

    public HostEnumPython(HostEnumModel model, string? module)
    {
        var members = model.Members.Select(m => (object?)new object?[] { m.PythonName, m.DotnetName }).ToList();
        var arguments = new List<KeyValuePair<string, object?>>();
        if (module is not null)
        {
            arguments.Add(new("module", module));
        }
        Class = PythonHelpers.Get().Enum.Call([model.PythonName, members], arguments);
        _dotnetByPythonName = model.Members.ToDictionary(m => m.PythonName, m => m.Value, StringComparer.Ordinal);
        _pythonNameByDotnet = model.Members.GroupBy(m => m.Value).ToDictionary(g => g.Key, g => g.First().PythonName);
    }

    public PyObject Class { get; }

    /// <summary>The member for a C# value (the member object, a new reference).</summary>
    public PyObject Member(object value) =>
        _pythonNameByDotnet.TryGetValue(value, out var name)
            ? Class.GetAttr(name)
            : throw PythonErrorException.ValueError(Messages.NotAnEnumMember(value, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), value.GetType().Name));

    /// <summary>The C# value of one of this enum's members.</summary>
    public object DotnetValue(PyObject member)
    {
        using var name = member.GetAttr("name");
        return _dotnetByPythonName[name.As<string>()];
    }
}
