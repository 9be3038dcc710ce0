using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Breezeblock.Cli;

/// <summary>
/// A YAML document as JSON nodes, for <c>plan</c> to compare an earlier <c>--format yaml</c> output:
/// mappings and sequences as objects and arrays, quoted scalars as strings, and plain scalars as YAML
/// 1.2's core schema reads them (null, true, false, integers, floats), else strings.
/// </summary>
internal static class YamlDocument
{
    /// <exception cref="YamlException">The text is not YAML; its Start says where.</exception>
    /// <exception cref="FormatException">It is YAML that JSON cannot hold (a mapping key that is not a scalar, an alias, more than one document).</exception>
    public static JsonNode? Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count switch
        {
            0 => null,
            1 => Node(stream.Documents[0].RootNode),
            _ => throw new FormatException(CliMessages.YamlHasManyDocuments(stream.Documents.Count)),
        };
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMappingNode map => Map(map),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Node)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new FormatException(CliMessages.YamlNodeNotSupported(node.NodeType.ToString(), node.Start.Line)),
    };

    private static JsonObject Map(YamlMappingNode map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new FormatException(CliMessages.YamlKeyNotScalar(key.Start.Line));
            }
            result[name] = Node(value);
        }
        return result;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        if (IsNumber(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) && !text.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            return JsonNode.Parse(text); // as written: a long integer or a decimal keeps its digits
        }
        if (IsNumber(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }
        return JsonValue.Create(text);
    }

    // YAML 1.2 core: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? (no .inf or .nan: JSON has neither)
    private static bool IsNumber(string text)
    {
        var i = text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
        var digits = 0;
        for (; i < text.Length && char.IsAsciiDigit(text[i]); i++, digits++)
        {
        }
        if (i < text.Length && text[i] == '.')
        {
            for (i++; i < text.Length && char.IsAsciiDigit(text[i]); i++, digits++)
            {
            }
        }
        if (digits == 0)
        {
            return false;
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '-' or '+')
            {
                i++;
            }
            var exponent = 0;
            for (; i < text.Length && char.IsAsciiDigit(text[i]); i++, exponent++)
            {
            }
            if (exponent == 0)
            {
                return false;
            }
        }
        return i == text.Length;
    }
}
