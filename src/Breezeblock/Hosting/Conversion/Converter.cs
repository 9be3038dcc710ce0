using System.Diagnostics.CodeAnalysis;
using System.Collections.Concurrent;
using System.Reflection;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Converts one .NET type to and from Python for host types and host functions, strictly: a value
/// of the wrong type is a TypeError naming the attribute, the expected and the given type
/// (<c>replicas: expected int, got str</c>); an int out of range is a ValueError. Both directions need the GIL.
/// </summary>
internal abstract class Converter
{
    private static readonly ConcurrentDictionary<(Type, bool), Converter> s_cache = new();

    /// <summary>The type as a Python annotation (<c>int</c>, <c>Optional[str]</c>, <c>List[Port]</c>), for messages and stubs.</summary>
    public abstract string PythonType { get; }

    /// <summary>
    /// What Python may give (<c>Union[IntOrString, int, str]</c>), for parameters and setters in
    /// stubs: the read type, widened by the conversions a host class defines.
    /// </summary>
    public virtual string AcceptedType => PythonType;

    /// <summary>The .NET value of a Python value; <paramref name="what"/> names it in errors (<c>replicas</c>, <c>ports[2]</c>).</summary>
    public abstract object? FromPython(PyArgument value, string what);

    /// <summary>The Python form of a .NET value, as something <see cref="PyObject.From"/> converts (a PyObject, a proxy, a primitive).</summary>
    public abstract object? ToPython(object? value);

    /// <summary>The converter for <paramref name="type"/>; <paramref name="nullable"/> lets None through for reference types (and their elements are taken as not null).</summary>
    /// <exception cref="ArgumentException">The type has no Python form.</exception>
    [RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
    [RequiresDynamicCode(Messages.HostTypesNeedReflection)]
    public static Converter For(Type type, bool nullable) => s_cache.GetOrAdd((type, nullable), static key => Create(key.Item1, key.Item2, null));

    /// <summary>The converter for a member whose nullable annotations (<c>List&lt;string?&gt;?</c>) are known, down to its elements.</summary>
    [RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
    [RequiresDynamicCode(Messages.HostTypesNeedReflection)]
    public static Converter For(NullabilityInfo info) => Create(info.Type, IsNullable(info), info);

    /// <summary>
    /// Whether None is a value of the member: when it is annotated <c>?</c>, and when it carries no
    /// annotation at all (nullable-oblivious code, as most libraries on NuGet are, whose members are
    /// null until set). Only a reference annotated as not null, and a value type, refuse None.
    /// </summary>
    public static bool IsNullable(NullabilityInfo info) =>
        info.ReadState == NullabilityState.Nullable || info.WriteState == NullabilityState.Nullable ||
        (info.ReadState != NullabilityState.NotNull && info.WriteState != NullabilityState.NotNull);

    [RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
    [RequiresDynamicCode(Messages.HostTypesNeedReflection)]
    private static Converter Create(Type type, bool nullable, NullabilityInfo? info)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return new NullableConverter(For(underlying, false));
        }
        var converter = CreateNonNull(type, info);
        return nullable && !type.IsValueType && converter is not ObjectConverter ? new NullableConverter(converter) : converter;
    }

    [RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
    [RequiresDynamicCode(Messages.HostTypesNeedReflection)]
    private static Converter CreateNonNull(Type type, NullabilityInfo? info)
    {
        if (type == typeof(string))
        {
            return new StringConverter();
        }
        if (type == typeof(bool))
        {
            return new BoolConverter();
        }
        if (type == typeof(SecretString))
        {
            return new SecretStringConverter();
        }
        if (IntegerConverter.Supports(type))
        {
            return new IntegerConverter(type);
        }
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return new FloatConverter(type);
        }
        if (type == typeof(object))
        {
            return new ObjectConverter();
        }
        if (TimeConverter.Supports(type))
        {
            return new TimeConverter(type);
        }
        if (type == typeof(Guid) || type == typeof(Uri))
        {
            return new TextValueConverter(type);
        }
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return new DelegateConverter(type, info);
        }
        if (CollectionConverter.TryCreate(type, info) is { } collection)
        {
            return collection;
        }
        if (type.IsEnum)
        {
            return new EnumConverter((HostEnumModel)HostTypes.Model(type));
        }
        if (HostTypes.IsHostClassCandidate(type))
        {
            return new HostClassConverter((HostClassModel)HostTypes.Model(type));
        }
        throw new ArgumentException(Messages.NoPythonForm(Describe(type)));
    }

    /// <summary>The TypeError for a value of the wrong type.</summary>
    public static PythonErrorException WrongType(string what, string expected, PyArgument value) =>
        PythonErrorException.TypeError(Messages.WrongType(what, expected, value.TypeName));

    public static string Describe(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>" : type.Name;
}
