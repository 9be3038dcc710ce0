using System.Buffers;
using System.Text;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Writes a config's Python result as JSON straight from the Python objects, when it holds only what
/// JSON holds as it is: None, bool, int within 64 bits, finite float, str, and dicts (with str keys),
/// lists and tuples of those, subclasses included (the frozen results are). Writing a large result so
/// makes nothing per value; anything else (a dataclass, a set, a big int, a host object, an error to
/// report) goes through <see cref="PlainData"/>, and the output is the same either way. The GIL must be held.
/// </summary>
internal static class PythonJson
{
    // Deeper values go through PlainData, which reports what is too deep or contains itself.
    private const int MaxDepth = 100;

    /// <summary>True when <paramref name="value"/> can be written by <see cref="Write"/>: also, no text in it is a secret's (those go through plain data).</summary>
    public static bool CanWrite(PyArgument value, SecretText secrets) => CanWriteAt(value, 0, SecretTable.Count == 0 ? null : secrets);

    private static bool CanWriteAt(PyArgument value, int depth, SecretText? secrets)
    {
        if (value.IsNone || value.IsBool)
        {
            return true;
        }
        if (value.IsStr)
        {
            return value.TryGetUtf8(out var utf8) && (secrets is null || !Affects(secrets, utf8));
        }
        if (value.IsInt)
        {
            return value.TryAsInt64(out _);
        }
        if (value.IsFloat)
        {
            return double.IsFinite(value.AsDouble());
        }
        if (depth >= MaxDepth)
        {
            return false;
        }
        if (value.IsDict)
        {
            foreach (var entry in value.Entries)
            {
                if (!entry.Key.IsStr || !entry.Key.TryGetUtf8(out var key) || (secrets is not null && Affects(secrets, key)) || !CanWriteAt(entry.Value, depth + 1, secrets))
                {
                    return false;
                }
            }
            return true;
        }
        if (value.IsList || value.IsTuple)
        {
            foreach (var item in value.Items)
            {
                if (!CanWriteAt(item, depth + 1, secrets))
                {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static bool Affects(SecretText secrets, ReadOnlySpan<byte> utf8)
    {
        char[]? rented = null;
        var chars = utf8.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            return secrets.Affects(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes a value <see cref="CanWrite"/> accepted, at <paramref name="indent"/> (-1: not indented), as <see cref="JsonOutput"/> would.</summary>
    public static void Write(TextWriter text, PyArgument value, int indent)
    {
        if (value.IsNone)
        {
            text.Write("null");
        }
        else if (value.IsBool)
        {
            text.Write(value.AsBoolean() ? "true" : "false");
        }
        else if (value.IsStr)
        {
            value.TryGetUtf8(out var utf8);
            WriteString(text, utf8, key: false, first: false, inner: 0);
        }
        else if (value.IsInt)
        {
            value.TryAsInt64(out var number);
            Span<char> digits = stackalloc char[20];
            number.TryFormat(digits, out var length, default, System.Globalization.CultureInfo.InvariantCulture);
            text.Write(digits[..length]);
        }
        else if (value.IsFloat)
        {
            text.Write(JsonText.Double(value.AsDouble()));
        }
        else if (value.IsDict)
        {
            text.Write('{');
            var inner = indent < 0 ? -1 : indent + 2;
            var first = true;
            foreach (var entry in value.Entries)
            {
                entry.Key.TryGetUtf8(out var key);
                WriteString(text, key, key: true, first, inner);
                Write(text, entry.Value, inner);
                first = false;
            }
            JsonOutput.Close(text, '}', first, indent);
        }
        else
        {
            text.Write('[');
            var inner = indent < 0 ? -1 : indent + 2;
            var first = true;
            foreach (var item in value.Items)
            {
                JsonOutput.Separator(text, first, inner);
                Write(text, item, inner);
                first = false;
            }
            JsonOutput.Close(text, ']', first, indent);
        }
    }

    // A str's UTF-8 as a JSON string, or as a member's key: decoded into a buffer of the stack or the pool, never a string.
    private static void WriteString(TextWriter text, ReadOnlySpan<byte> utf8, bool key, bool first, int inner)
    {
        char[]? rented = null;
        var chars = utf8.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            var count = Encoding.UTF8.GetChars(utf8, chars);
            if (key)
            {
                JsonOutput.WriteKey(text, chars[..count], first, inner);
            }
            else
            {
                JsonText.WriteString(text, chars[..count]);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
