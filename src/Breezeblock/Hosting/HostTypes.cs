using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Breezeblock;

/// <summary>
/// What a host type looks like in Python, read from .NET metadata once per type and process (no
/// Python involved): its Python name, its attributes and how each converts.
/// </summary>
internal static class HostTypes
{
    private static readonly ConcurrentDictionary<Type, HostTypeModel> s_models = new();
    private static readonly Lock s_building = new();

    /// <summary>The model of a class, struct, record or enum; throws <see cref="ArgumentException"/> naming what cannot be bridged.</summary>
    [RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
    [RequiresDynamicCode(Messages.HostTypesNeedReflection)]
    public static HostTypeModel Model([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type type)
    {
        if (s_models.TryGetValue(type, out var model))
        {
            return model;
        }
        lock (s_building)
        {
            return Build(type);
        }
    }

    /// <summary>The model of a type already bridged, without building one.</summary>
    public static HostClassModel? TryGetClass(Type type) => s_models.GetValueOrDefault(type) as HostClassModel;

    /// <summary>Every host type a model's properties (and their collections, nullables and delegates) refer to, itself included.</summary>
    public static IEnumerable<HostTypeModel> Closure(HostTypeModel root)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<HostTypeModel>();
        pending.Push(root);
        while (pending.TryPop(out var model))
        {
            if (!seen.Add(model.Type))
            {
                continue;
            }
            yield return model;
            if (model is HostClassModel classModel)
            {
                foreach (var converter in classModel.Properties.Select(p => p.Converter).Concat(classModel.Constructors.SelectMany(c => c.Parameters).Select(p => p.Converter)))
                {
                    foreach (var referenced in Referenced(converter))
                    {
                        pending.Push(referenced);
                    }
                }
            }
        }
    }

    /// <summary>The host types a converter converts to, through nullables, collections and delegate signatures.</summary>
    public static IEnumerable<HostTypeModel> Referenced(Converter converter) => converter switch
    {
        HostClassConverter host => [host.Model],
        EnumConverter enumeration => [enumeration.Model],
        NullableConverter nullable => Referenced(nullable.Inner),
        CollectionConverter collection => Referenced(collection.Element),
        DelegateConverter function => function.Signature.Parameters.Concat(function.Signature.Returns is { } r ? [r] : []).SelectMany(Referenced),
        _ => [],
    };

    /// <summary>True for types modelled as host classes when a property uses them: the application's own classes and structs.</summary>
    public static bool IsHostClassCandidate(Type type) =>
        (type.IsClass || type.IsValueType && !type.IsPrimitive && !type.IsEnum)
        && !type.IsArray && !type.IsGenericType && !typeof(Delegate).IsAssignableFrom(type)
        && type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true
        && type != typeof(string) && type != typeof(object);

    [RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
    [RequiresDynamicCode(Messages.HostTypesNeedReflection)]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Host types are registered by the application, which keeps their members.")]
    private static HostTypeModel Build(Type type)
    {
        if (s_models.TryGetValue(type, out var existing))
        {
            return existing;
        }
        if (type.IsEnum)
        {
            var members = type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => new HostEnumMember(PythonNames.OfEnumMember(f), f.Name, f.GetValue(null)!))
                .ToList();
            var enumModel = new HostEnumModel(type, PythonNames.Of(type), members);
            s_models[type] = enumModel;
            return enumModel;
        }
        if (!IsHostClassCandidate(type) || type.IsAbstract || type.IsInterface)
        {
            throw new ArgumentException(Messages.NotAHostType(type.FullName!));
        }
        var classModel = new HostClassModel(type, PythonNames.Of(type));
        s_models[type] = classModel; // before the properties, so types that refer to each other terminate
        try
        {
            classModel.Complete(ReadProperties(type), ReadConstructors(type));
        }
        catch
        {
            s_models.TryRemove(type, out _);
            throw;
        }
        return classModel;
    }

    [RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
    [RequiresDynamicCode(Messages.HostTypesNeedReflection)]
    private static List<HostPropertyModel> ReadProperties(Type type)
    {
        var nullability = new NullabilityInfoContext();
        var properties = new List<HostPropertyModel>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true })
            {
                continue;
            }
            Converter converter;
            try
            {
                converter = Converter.For(nullability.Create(property));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException(Messages.PropertyNotBridged(type.Name, property.Name, e.Message), e);
            }
            var writable = property.SetMethod is { IsPublic: true };
            var required = property.IsDefined(typeof(RequiredMemberAttribute)) || property.IsDefined(typeof(RequiredAttribute));
            var validations = property.GetCustomAttributes<ValidationAttribute>().ToList();
            properties.Add(new HostPropertyModel(property, PythonNames.Of(property), converter, writable, required, validations.Count > 0));
        }
        var duplicate = properties.GroupBy(p => p.PythonName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(Messages.PropertiesCollide(type.Name, duplicate.Key, duplicate.Select(p => p.Property.Name)));
        }
        return properties;
    }

    [RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
    [RequiresDynamicCode(Messages.HostTypesNeedReflection)]
    private static List<HostConstructorModel> ReadConstructors(Type type)
    {
        var nullability = new NullabilityInfoContext();
        // A parameter that sets a property (namespaceProperty → NamespaceProperty) goes by the property's Python name.
        var propertyNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            propertyNames.TryAdd(property.Name, PythonNames.Of(property));
        }
        var constructors = new List<HostConstructorModel>();
        foreach (var constructor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
        {
            var parameters = new List<HostParameterModel>();
            try
            {
                foreach (var parameter in constructor.GetParameters())
                {
                    var name = parameter.IsDefined(typeof(PythonNameAttribute)) || !propertyNames.TryGetValue(parameter.Name ?? "", out var propertyName)
                        ? PythonNames.Of(parameter) : propertyName;
                    parameters.Add(new HostParameterModel(parameter, name, Converter.For(nullability.Create(parameter))));
                }
            }
            catch (ArgumentException)
            {
                continue; // a constructor Python cannot call is simply not offered
            }
            constructors.Add(new HostConstructorModel(constructor, parameters, constructor.IsDefined(typeof(SetsRequiredMembersAttribute))));
        }
        if (constructors.Count == 0 && !type.IsValueType)
        {
            throw new ArgumentException(Messages.NoCallableConstructor(type.Name));
        }
        return constructors.OrderBy(c => c.Parameters.Count).ToList();
    }
}

/// <summary>A host type's Python shape.</summary>
internal abstract class HostTypeModel(Type type, string pythonName)
{
    public Type Type { get; } = type;

    public string PythonName { get; } = pythonName;
}

/// <summary>A C# enum: a Python <c>enum.Enum</c> whose members are UPPER_SNAKE and whose values are the C# member names.</summary>
internal sealed class HostEnumModel(Type type, string pythonName, IReadOnlyList<HostEnumMember> members) : HostTypeModel(type, pythonName)
{
    public IReadOnlyList<HostEnumMember> Members { get; } = members;
}

/// <summary>One enum member: Python name, C# name (its Python value) and C# value.</summary>
internal sealed record HostEnumMember(string PythonName, string DotnetName, object Value);

/// <summary>A C# class, struct or record seen as a Python class.</summary>
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal sealed class HostClassModel(Type type, string pythonName) : HostTypeModel(type, pythonName)
{
    private Dictionary<string, HostPropertyModel> _byName = [];

    public IReadOnlyList<HostPropertyModel> Properties { get; private set; } = [];

    /// <summary>Public constructors Python can call, fewest parameters first.</summary>
    public IReadOnlyList<HostConstructorModel> Constructors { get; private set; } = [];

    /// <summary>True when DataAnnotations validation applies (to the type or any property).</summary>
    public bool HasValidation { get; private set; }

    /// <summary>Indexes of the properties Python must set (C# <c>required</c> or <c>[Required]</c>).</summary>
    public int[] RequiredProperties { get; private set; } = [];

    /// <summary>The properties that can hold other host objects or collections, which freezing must reach.</summary>
    public IReadOnlyList<HostPropertyModel> NestingProperties { get; private set; } = [];

    /// <summary>The plain values the class converts from (its implicit operators and one-parameter constructors), or null.</summary>
    public ScalarConversions? Conversions { get; private set; }

    /// <summary>True when the type (not a record, whose generated members compare and print lists by reference) overrides <c>Equals</c>.</summary>
    public bool OverridesEquals { get; private set; }

    /// <summary>True when the type (not a record) overrides <c>ToString</c>, which <c>str()</c> then gives (ResourceQuantity's "500m").</summary>
    public bool OverridesToString { get; private set; }

    public HostPropertyModel? Property(string pythonName) => _byName.GetValueOrDefault(pythonName);

    private static bool Nests(Converter converter) => converter switch
    {
        NullableConverter nullable => Nests(nullable.Inner),
        HostClassConverter or CollectionConverter or ObjectConverter => true,
        _ => false,
    };

    public void Complete(List<HostPropertyModel> properties, List<HostConstructorModel> constructors)
    {
        Properties = properties;
        Constructors = constructors;
        Conversions = ScalarConversions.Of(Type);
        var record = Type.GetMethod("<Clone>$") is not null || Type.IsValueType && Type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null;
        OverridesEquals = !record && Type.GetMethod(nameof(Equals), [typeof(object)])?.DeclaringType is { } equals && equals != typeof(object) && equals != typeof(ValueType);
        OverridesToString = !record && Type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType is { } text && text != typeof(object) && text != typeof(ValueType);
        _byName = properties.ToDictionary(p => p.PythonName, StringComparer.Ordinal);
        RequiredProperties = properties.Select((p, i) => (p, i)).Where(x => x.p.Required).Select(x => x.i).ToArray();
        NestingProperties = properties.Where(p => Nests(p.Converter)).ToList();
        HasValidation = properties.Any(p => p.HasValidation) || Type.GetCustomAttributes<ValidationAttribute>(inherit: true).Any()
            || typeof(IValidatableObject).IsAssignableFrom(Type);
    }
}

/// <summary>A property: its Python name, converter, and whether Python may set it, must set it, and validates it.</summary>
internal sealed record HostPropertyModel(PropertyInfo Property, string PythonName, Converter Converter, bool Writable, bool Required, bool HasValidation);

/// <summary>A public constructor and its parameters.</summary>
internal sealed record HostConstructorModel(ConstructorInfo Constructor, IReadOnlyList<HostParameterModel> Parameters, bool SetsRequiredMembers);

/// <summary>A constructor or function parameter: its Python name and converter.</summary>
internal sealed record HostParameterModel(ParameterInfo Parameter, string PythonName, Converter Converter);
