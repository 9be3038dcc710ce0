using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Breezeblock;

/// <summary>
/// A secret text the application holds: a password, a token, a connection string. Its value is given
/// only by <see cref="Reveal"/>; <see cref="ToString"/> and JSON show a marker. A host type's member or
/// a host function's parameter of this type receives a Python secret's value; a host function
/// returning one gives Python a <c>breezeblock.Secret</c>; IConfiguration binds one from its key. Every
/// value made into a SecretString is masked wherever Breezeblock shows text in this process.
/// </summary>
[TypeConverter(typeof(SecretStringTypeConverter))]
[JsonConverter(typeof(SecretStringJsonConverter))]
public sealed class SecretString : IEquatable<SecretString>
{
    private readonly string _value;

    /// <summary>Wraps <paramref name="value"/> (placeholders of Python secrets in it are revealed).</summary>
    public SecretString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Token = SecretTable.Register(value);
        _value = SecretTable.Reveal(value);
    }

    /// <summary>The placeholder that stands for the value in Python and in text Breezeblock writes.</summary>
    internal string Token { get; }

    /// <summary>The value.</summary>
    public string Reveal() => _value;

    /// <summary><c>(secret)</c>, never the value.</summary>
    public override string ToString() => SecretText.Marker;

    /// <summary>Same value.</summary>
    public bool Equals(SecretString? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SecretString);

    /// <inheritdoc/>
    public override int GetHashCode() => Token.GetHashCode(StringComparison.Ordinal);
}

/// <summary>Lets IConfiguration's binder (and others using TypeDescriptor) make a <see cref="SecretString"/> from a key's text.</summary>
internal sealed class SecretStringTypeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? new SecretString(text) : base.ConvertFrom(context, culture, value);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is SecretString ? SecretText.Marker : base.ConvertTo(context, culture, value, destinationType);
}

/// <summary>
/// JSON of a <see cref="SecretString"/> for the application's own serializers: <c>"(secret)"</c>, so that
/// options serialized into a log or a response never show the value. Reads a string. (Breezeblock's
/// output writes a SecretString member through its placeholder instead, to mask or reveal it as asked.)
/// </summary>
internal sealed class SecretStringJsonConverter : JsonConverter<SecretString>
{
    public override SecretString? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : new SecretString(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, SecretString value, JsonSerializerOptions options) => writer.WriteStringValue(SecretText.Marker);
}
