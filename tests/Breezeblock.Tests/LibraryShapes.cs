using System.Text.Json.Serialization;

// Shapes of real libraries' model types, reproduced small so that the engine's tests need no NuGet
// library: KubernetesClient's models are nullability-oblivious, name members after Python keywords
// (V1JSONSchemaProps.Not, its "$ref"), and declare wire names behind C#-safe ones
// (NamespaceProperty behind "namespace", also its constructor parameter's name).
#nullable disable
namespace Breezeblock.Tests.Shapes;

public sealed class Probe
{
    public string Path { get; set; }
    public int Port { get; set; }
}

public sealed class Container
{
    public string Name { get; set; }
    public Probe ReadinessProbe { get; set; }
    public IList<string> Args { get; set; }
    public IDictionary<string, string> Env { get; set; }
    public IList<Probe> Probes { get; set; }
}

public sealed class SchemaProps
{
    [JsonPropertyName("not")]
    public SchemaProps Not { get; set; }

    [JsonPropertyName("$ref")]
    public string Ref { get; set; }

    public string From { get; set; }
}

public sealed class ObjectMeta
{
    public ObjectMeta()
    {
    }

    public ObjectMeta(string name = null, string namespaceProperty = null)
    {
        Name = name;
        NamespaceProperty = namespaceProperty;
    }

    [JsonPropertyName("name")]
    public string Name { get; set; }

    [JsonPropertyName("namespace")]
    public string NamespaceProperty { get; set; }
}

// KubernetesClient's IntOrString: a class holding text, built from an int or a string by implicit
// operators, written to JSON as a bare int or string by its JsonConverter.
[JsonConverter(typeof(PortValueConverter))]
public sealed class PortValue
{
    public string Value { get; set; }

    public static implicit operator PortValue(int value) => new() { Value = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public static implicit operator PortValue(long value) => new() { Value = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public static implicit operator PortValue(string value) => new() { Value = value };

    public static implicit operator string(PortValue value) => value?.Value;
}

public sealed class PortValueConverter : JsonConverter<PortValue>
{
    public override PortValue Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        reader.TokenType == System.Text.Json.JsonTokenType.Number ? reader.GetInt32() : reader.GetString();

    public override void Write(System.Text.Json.Utf8JsonWriter writer, PortValue value, System.Text.Json.JsonSerializerOptions options)
    {
        if (int.TryParse(value.Value, out var number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(value.Value);
        }
    }
}

// KubernetesClient's ResourceQuantity: parsed from a string ("500m") by a constructor and an
// implicit operator, from a decimal by another; its only public property is its format, and its
// JsonConverter writes the canonical string.
[JsonConverter(typeof(QuantityConverter))]
public sealed class Quantity
{
    private readonly decimal _amount;
    private readonly string _suffix;

    public Quantity(string value)
    {
        if (string.IsNullOrEmpty(value) || !char.IsAsciiDigit(value[0]))
        {
            throw new FormatException($"'{value}' is not a quantity");
        }
        var digits = value.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').Count();
        _amount = decimal.Parse(value[..digits], System.Globalization.CultureInfo.InvariantCulture);
        _suffix = value[digits..];
    }

    public string Format => _suffix.Length == 0 ? "DecimalSI" : "BinarySI";

    public static implicit operator Quantity(string value) => new(value);

    public static implicit operator Quantity(decimal value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override string ToString() => _amount.ToString(System.Globalization.CultureInfo.InvariantCulture) + _suffix;
}

public sealed class QuantityConverter : JsonConverter<Quantity>
{
    public override Quantity Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) => new(reader.GetString());

    public override void Write(System.Text.Json.Utf8JsonWriter writer, Quantity value, System.Text.Json.JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

public sealed class ServicePort
{
    [JsonPropertyName("port")]
    public int Port { get; set; }

    [JsonPropertyName("targetPort")]
    public PortValue TargetPort { get; set; }

    [JsonPropertyName("ports")]
    public IList<PortValue> Ports { get; set; }
}

public sealed class Resources
{
    [JsonPropertyName("limits")]
    public IDictionary<string, Quantity> Limits { get; set; }

    [JsonPropertyName("requests")]
    public IDictionary<string, Quantity> Requests { get; set; }

    [JsonIgnore]
    public string Note { get; set; }
}

// A value whose state is private: its one property does not say what it holds, and it has no
// converter, so output cannot write it faithfully.
public sealed class Opaque(string text)
{
    public int Length => text.Length * 0;

    public override string ToString() => text;
}

// A model that cannot be a host type (a stream has no Python form): bulk registration lists it.
public sealed class Download
{
    public System.IO.Stream Body { get; set; }
}
