using System.Globalization;
using System.Numerics;
using System.Text;

namespace Breezeblock;

/// <summary>
/// Writes plain data as YAML (block style, keys in order). Strings are left plain only when no YAML
/// reader could take them for anything else; the rest are double-quoted with JSON escapes, which are
/// valid YAML.
/// </summary>
internal static class YamlOutput
{
    /// <exception cref="UnrepresentableValueException">A string holds a lone surrogate, which YAML text cannot.</exception>
    public static string Write(object? value)
    {
        var text = new StringBuilder();
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> { Count: > 0 } or IReadOnlyList<object?> { Count: > 0 }:
                Block(text, value, 0, "$");
                break;
            default:
                text.Append(Scalar(value, "$")).Append('\n');
                break;
        }
        return text.ToString();
    }

    private static void Block(StringBuilder text, object? value, int indent, string path)
    {
        if (value is IReadOnlyDictionary<string, object?> map)
        {
            foreach (var (key, item) in map)
            {
                var itemPath = Paths.Member(path, key);
                text.Append(' ', indent).Append(Text(key, itemPath)).Append(':');
                Nested(text, item, indent, itemPath);
            }
        }
        else if (value is IReadOnlyList<object?> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                text.Append(' ', indent).Append('-');
                Nested(text, list[i], indent, $"{path}[{i}]");
            }
        }
    }

    private static void Nested(StringBuilder text, object? item, int indent, string path)
    {
        if (item is IReadOnlyDictionary<string, object?> { Count: > 0 } or IReadOnlyList<object?> { Count: > 0 })
        {
            text.Append('\n');
            Block(text, item, indent + 2, path);
        }
        else
        {
            text.Append(' ').Append(Scalar(item, path)).Append('\n');
        }
    }

    private static string Text(string value, string path)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                throw new UnrepresentableValueException(path, "a string with a lone surrogate (YAML text must be valid Unicode; JSON can hold it)");
            }
        }
        return IsPlainSafe(value) ? value : JsonText.String(value);
    }

    private static string Scalar(object? value, string path) => value switch
    {
        null => "null",
        bool flag => flag ? "true" : "false",
        string s => Text(s, path),
        long or BigInteger or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double number => JsonText.Double(number),
        IReadOnlyDictionary<string, object?> => "{}",
        IReadOnlyList<object?> => "[]",
        _ => throw new InvalidOperationException($"{value.GetType().Name} is not plain data"),
    };

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf", "+.inf",
    };

    // Plain only for text starting with a letter or one of "_/" and made of letters, digits and a few
    // punctuation marks, which YAML 1.1 and 1.2 readers both read back as that same string.
    private static bool IsPlainSafe(string text)
    {
        if (text.Length == 0 || Reserved.Contains(text) || !(char.IsLetter(text[0]) || text[0] is '_' or '/'))
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ' ') || char.IsSurrogate(c))
            {
                return false;
            }
        }
        return !text.EndsWith(' ') && !text.Contains("  ", StringComparison.Ordinal);
    }
}
