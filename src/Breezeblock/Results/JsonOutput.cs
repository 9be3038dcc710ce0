using System.Globalization;
using System.Numerics;
using System.Text;

namespace Breezeblock;

/// <summary>Writes plain data (see <see cref="PlainData"/>) as JSON, indented by two spaces, keys in order.</summary>
internal static class JsonOutput
{
    public static string Write(object? value, bool indented = true)
    {
        var text = new StringBuilder();
        Write(text, value, indented ? 0 : -1);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value, int indent)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case bool flag:
                text.Append(flag ? "true" : "false");
                break;
            case string s:
                JsonText.AppendString(text, s);
                break;
            case long number:
                text.Append(number);
                break;
            case BigInteger or decimal:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case double number:
                text.Append(JsonText.Double(number));
                break;
            case IReadOnlyDictionary<string, object?> map:
                Container(text, '{', '}', map, indent, (entry, inner) =>
                {
                    JsonText.AppendString(text, entry.Key).Append(indent >= 0 ? ": " : ":");
                    Write(text, entry.Value, inner);
                });
                break;
            case IReadOnlyList<object?> list:
                Container(text, '[', ']', list, indent, (item, inner) => Write(text, item, inner));
                break;
            default:
                throw new InvalidOperationException($"{value.GetType().Name} is not plain data");
        }
    }

    private static void Container<T>(StringBuilder text, char open, char close, IEnumerable<T> items, int indent, Action<T, int> writeItem)
    {
        text.Append(open);
        var inner = indent < 0 ? -1 : indent + 2;
        var first = true;
        foreach (var item in items)
        {
            text.Append(first ? "" : ",");
            if (inner >= 0)
            {
                text.Append('\n').Append(' ', inner);
            }
            writeItem(item, inner);
            first = false;
        }
        if (!first && indent >= 0)
        {
            text.Append('\n').Append(' ', indent);
        }
        text.Append(close);
    }
}
