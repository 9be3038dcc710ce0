using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Breezeblock;

/// <summary>
/// How a host object is written to JSON and YAML output: by its type's own System.Text.Json
/// contract where it declares one, so a library's models come out as that library writes them.
/// <list type="bullet">
/// <item>A type or member with <c>[JsonConverter]</c> is written by that converter
/// (KubernetesClient's <c>ResourceQuantity</c> as <c>"500m"</c>, <c>IntOrString</c> as 8080).</item>
/// <item>A member is named by its <c>[JsonPropertyName]</c>, else by its Python name;
/// <c>[JsonIgnore]</c> leaves it out (always, or when null or default as its condition says).</item>
/// <item>In a type that declares any of these, a null member is left out, as such libraries'
/// serializers are set up to do (<c>WhenWritingNull</c>); other types write it as null.</item>
/// <item>A type whose state is not in its public properties (no member Python can set, and no
/// constructor whose parameters are all properties) and which has no converter cannot be
/// written faithfully: that is an error with the value's path, never a partial object.</item>
/// </list>
/// </summary>
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal sealed class HostJsonContract
{
    private static readonly ConcurrentDictionary<Type, HostJsonContract> s_contracts = new();
    private static readonly JsonSerializerOptions s_options = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private readonly JsonConverter? _converter;
    private readonly JsonSerializerOptions? _converterOptions;
    private readonly List<Member> _members;
    private readonly bool _omitNulls;
    private readonly string? _unfaithful;

    private sealed record Member(HostPropertyModel Property, string Name, JsonIgnoreCondition Ignore, JsonSerializerOptions? Converter);

    private HostJsonContract(HostClassModel model)
    {
        _converter = ConverterOf(model.Type.GetCustomAttribute<JsonConverterAttribute>(), model.Type);
        _members = [];
        _converterOptions = _converter is null ? null : new JsonSerializerOptions(s_options) { Converters = { _converter } };
        var declares = _converter is not null;
        foreach (var property in model.Properties)
        {
            var info = property.Property;
            var name = info.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            var ignore = info.GetCustomAttribute<JsonIgnoreAttribute>();
            var converter = ConverterOf(info.GetCustomAttribute<JsonConverterAttribute>(), info.PropertyType);
            declares |= name is not null || ignore is not null || converter is not null;
            if (ignore is { Condition: JsonIgnoreCondition.Always })
            {
                continue;
            }
            var options = converter is null ? null : new JsonSerializerOptions(s_options) { Converters = { converter } };
            _members.Add(new Member(property, name ?? property.PythonName, ignore?.Condition ?? JsonIgnoreCondition.Never, options));
        }
        _omitNulls = declares;
        if (_converter is null && !Faithful(model))
        {
            _unfaithful = Messages.HostObjectNotFaithful(model.PythonName);
        }
    }

    /// <summary>True when the type's own converter writes it (a value type of a library, such as a quantity).</summary>
    public bool WritesItself => _converter is not null;

    public static HostJsonContract Of(HostClassModel model) => s_contracts.GetOrAdd(model.Type, _ => new HostJsonContract(model));

    /// <summary>The object as plain data (a JSON value made of dictionaries, lists and scalars, or a dictionary of its members).</summary>
    /// <exception cref="UnrepresentableValueException">The object cannot be written faithfully (its path is filled in by the caller).</exception>
    public object? Render(object value)
    {
        if (_converter is not null)
        {
            return Serialize(value, value.GetType(), _converterOptions!);
        }
        if (_unfaithful is not null)
        {
            throw new UnrepresentableValueException("", _unfaithful);
        }
        var map = new Dictionary<object, object?>(_members.Count);
        foreach (var member in _members)
        {
            var item = member.Property.Property.GetValue(value);
            if (item is null ? _omitNulls || member.Ignore == JsonIgnoreCondition.WhenWritingNull
                : member.Ignore == JsonIgnoreCondition.WhenWritingDefault && item.GetType().IsValueType && item.Equals(Activator.CreateInstance(item.GetType())))
            {
                continue;
            }
            map[member.Name] = member.Converter is null ? item : Serialize(item, member.Property.Property.PropertyType, member.Converter);
        }
        return map;
    }

    // A converter that fails (or writes nothing) is the library's to fix, but never a lost value.
    private static object? Serialize(object? value, Type type, JsonSerializerOptions options)
    {
        try
        {
            return Plain(JsonSerializer.SerializeToElement(value, type, options));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or FormatException or ArgumentException)
        {
            throw new UnrepresentableValueException("", Messages.JsonConverterFailed(type.Name, e.Message));
        }
    }

    private static JsonConverter? ConverterOf(JsonConverterAttribute? attribute, Type type)
    {
        if (attribute is null)
        {
            return null;
        }
        var converter = attribute.ConverterType is { } converterType ? (JsonConverter?)Activator.CreateInstance(converterType) : attribute.CreateConverter(type);
        return converter is JsonConverterFactory factory ? factory.CreateConverter(type, s_options) : converter;
    }

    // Its state is what Python can set, or what a constructor takes and a property gives back.
    private static bool Faithful(HostClassModel model) =>
        model.Properties.Any(p => p.Writable) || model.Properties.Count == 0 && model.Constructors.Any(c => c.Parameters.Count == 0)
        || model.Constructors.Any(c => c.Parameters.Count > 0 && c.Parameters.All(p => model.Properties.Any(q => string.Equals(q.Property.Name, p.Parameter.Name, StringComparison.OrdinalIgnoreCase))));

    private static object? Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => (object)p.Name, p => Plain(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.TryGetDecimal(out var exact) && exact.ToString(System.Globalization.CultureInfo.InvariantCulture) == element.GetRawText() ? exact : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
