using System.Globalization;
using System.Numerics;

namespace Breezeblock;

/// <summary>Writes plain data (see <see cref="PlainData"/>) as JSON, indented by two spaces, keys in order.</summary>
internal static class JsonOutput
{
    public static string Write(object? value, bool indented = true)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(text, value, indented);
        return text.ToString();
    }

    /// <summary>
    /// Writes <paramref name="value"/> to <paramref name="text"/>. A mapping may be any sequence of
    /// key-value pairs, so that a caller can make each value as it is written and drop it after.
    /// </summary>
    public static void Write(TextWriter text, object? value, bool indented = true) => Write(text, value, indented ? 0 : -1);

    /// <summary>Writes a value at <paramref name="indent"/> (-1: not indented).</summary>
    internal static void Write(TextWriter text, object? value, int indent)
    {
        switch (value)
        {
            case null:
                text.Write("null");
                break;
            case bool flag:
                text.Write(flag ? "true" : "false");
                break;
            case string s:
                JsonText.WriteString(text, s);
                break;
            case long number:
                Span<char> digits = stackalloc char[20];
                number.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
                text.Write(digits[..length]);
                break;
            case BigInteger or decimal:
                text.Write(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case double number:
                text.Write(JsonText.Double(number));
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                WriteMap(text, map, indent);
                break;
            case IReadOnlyList<object?> list:
                WriteList(text, list, indent);
                break;
            default:
                throw new InvalidOperationException($"{value.GetType().Name} is not plain data");
        }
    }

    private static void WriteMap(TextWriter text, IEnumerable<KeyValuePair<string, object?>> map, int indent)
    {
        text.Write('{');
        var inner = indent < 0 ? -1 : indent + 2;
        var first = true;
        if (map is Dictionary<string, object?> dictionary) // its struct enumerator: no allocation per object
        {
            foreach (var (key, item) in dictionary)
            {
                WriteMember(text, key, item, first, inner);
                first = false;
            }
        }
        else
        {
            foreach (var (key, item) in map)
            {
                WriteMember(text, key, item, first, inner);
                first = false;
            }
        }
        Close(text, '}', first, indent);
    }

    private static void WriteMember(TextWriter text, string key, object? item, bool first, int inner)
    {
        WriteKey(text, key, first, inner);
        Write(text, item, inner);
    }

    /// <summary>Writes what comes before a member's value: the separator, the key and the colon.</summary>
    internal static void WriteKey(TextWriter text, ReadOnlySpan<char> key, bool first, int inner)
    {
        Separator(text, first, inner);
        JsonText.WriteString(text, key);
        text.Write(inner >= 0 ? ": " : ":");
    }

    private static void WriteList(TextWriter text, IReadOnlyList<object?> list, int indent)
    {
        text.Write('[');
        var inner = indent < 0 ? -1 : indent + 2;
        for (var i = 0; i < list.Count; i++)
        {
            Separator(text, i == 0, inner);
            Write(text, list[i], inner);
        }
        Close(text, ']', list.Count == 0, indent);
    }

    /// <summary>Writes what comes before an item: a comma after the first, and its line when indented.</summary>
    internal static void Separator(TextWriter text, bool first, int inner)
    {
        if (!first)
        {
            text.Write(',');
        }
        if (inner >= 0)
        {
            NewLine(text, inner);
        }
    }

    /// <summary>Closes a container opened at <paramref name="indent"/>.</summary>
    internal static void Close(TextWriter text, char close, bool empty, int indent)
    {
        if (!empty && indent >= 0)
        {
            NewLine(text, indent);
        }
        text.Write(close);
    }

    private static void NewLine(TextWriter text, int indent)
    {
        text.Write('\n');
        Span<char> spaces = stackalloc char[Math.Min(indent, 256)];
        spaces.Fill(' ');
        for (var left = indent; left > 0; left -= spaces.Length)
        {
            text.Write(spaces[..Math.Min(left, spaces.Length)]);
        }
    }
}
