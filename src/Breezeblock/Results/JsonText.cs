using System.Globalization;
using System.Text;

namespace Breezeblock;

/// <summary>JSON literals written the way Python's json module writes them.</summary>
internal static class JsonText
{
    /// <summary>
    /// A finite float as Python's repr writes it: the shortest digits that read back the same, fixed
    /// notation for exponents -4 to 15 (<c>1.0</c>, <c>0.0001</c>), else <c>1e+16</c>, <c>1.5e-07</c>.
    /// </summary>
    public static string Double(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }
        var exponentAt = text.IndexOf('E', StringComparison.Ordinal);
        var exponent = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var before = point < 0 ? mantissa.Length : point;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        if (digits.Length == 0)
        {
            return negative ? "-0.0" : "0.0";
        }
        var scientific = before - leadingZeros - 1 + exponent; // value = d.ddd × 10^scientific
        string result;
        if (scientific is >= -4 and < 16)
        {
            if (scientific < 0)
            {
                result = "0." + new string('0', -scientific - 1) + digits;
            }
            else if (digits.Length <= scientific + 1)
            {
                result = digits + new string('0', scientific + 1 - digits.Length) + ".0";
            }
            else
            {
                result = digits[..(scientific + 1)] + "." + digits[(scientific + 1)..];
            }
        }
        else
        {
            var rest = digits.Length > 1 ? "." + digits[1..] : "";
            result = $"{digits[0]}{rest}e{(scientific < 0 ? "-" : "+")}{Math.Abs(scientific):00}";
        }
        return negative ? "-" + result : result;
    }

    /// <summary>A quoted JSON string. Non-ASCII text stays as it is; lone surrogates become \u escapes, not replacement characters.</summary>
    public static string String(string value)
    {
        var text = new StringWriter(new StringBuilder(value.Length + 2), CultureInfo.InvariantCulture);
        WriteString(text, value);
        return text.ToString();
    }

    /// <summary>Writes <paramref name="value"/> as a quoted JSON string, copying runs that need no escape in one piece.</summary>
    public static void WriteString(TextWriter text, string value) => WriteString(text, value.AsSpan());

    /// <summary>Writes <paramref name="value"/> as a quoted JSON string (see <see cref="WriteString(TextWriter, string)"/>).</summary>
    public static void WriteString(TextWriter text, ReadOnlySpan<char> value)
    {
        text.Write('"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x20 && c != '"' && c != '\\' && c < 0xD800 && c != '\u2028' && c != '\u2029')
            {
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (c >= 0xE000)
            {
                continue;
            }
            text.Write(value[start..i]);
            start = i + 1;
            switch (c)
            {
                case '"': text.Write("\\\""); break;
                case '\\': text.Write("\\\\"); break;
                case '\n': text.Write("\\n"); break;
                case '\r': text.Write("\\r"); break;
                case '\t': text.Write("\\t"); break;
                case '\b': text.Write("\\b"); break;
                case '\f': text.Write("\\f"); break;
                default: text.Write("\\u"); text.Write(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
            }
        }
        text.Write(value[start..]);
        text.Write('"');
    }
}
