using System.Numerics;
using System.Text.Json;

namespace Breezeblock.Cli;

/// <summary>
/// Reads <c>--set NAME=VALUE</c>: VALUE is JSON when it parses as JSON (<c>3</c>, <c>"x"</c>,
/// <c>{"a":1}</c>), otherwise the text itself.
/// </summary>
internal static class InputParser
{
    /// <summary>How the engine's hints name an input (<see cref="ConfigOptions.InputSyntax"/>).</summary>
    public const string Syntax = "--set {0}=VALUE";

    /// <summary>The name and value (the text itself when <paramref name="asText"/>: <c>--set-string</c>), or an error message for a malformed argument.</summary>
    public static (string Name, object? Value)? Parse(string argument, out string? error, bool asText = false)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            error = CliMessages.SetExpectsNameValue(asText ? "--set-string" : "--set", argument);
            return null;
        }
        error = null;
        var name = argument[..equals];
        var text = argument[(equals + 1)..];
        return (name, asText ? text : ParseValue(text));
    }

    public static object? ParseValue(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return Convert(document.RootElement);
        }
        catch (JsonException)
        {
            return text;
        }
    }

    /// <summary>A JSON value as an input's value: objects as dictionaries, arrays as lists, integers as long (or BigInteger).</summary>
    public static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? integer
            : IsInteger(element.GetRawText()) ? BigInteger.Parse(element.GetRawText(), System.Globalization.CultureInfo.InvariantCulture)
            : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value)),
        _ => element.GetRawText(),
    };

    private static bool IsInteger(string text) => text.All(c => char.IsDigit(c) || c == '-');
}
