using System.Globalization;
using System.Numerics;
using System.Text;

namespace Breezeblock;

/// <summary>
/// Reads JSON into plain data (null, bool, long, BigInteger, double, string, List&lt;object?&gt;,
/// Dictionary&lt;string, object?&gt; in order), exactly as <see cref="JsonOutput"/> wrote it: lone
/// surrogates survive (System.Text.Json refuses them), integers stay integers of any size, and a
/// number with a point or an exponent is a double. <see cref="Tag"/> and <see cref="Untag"/> carry what
/// JSON numbers cannot tell apart (decimals) through it.
/// </summary>
internal static class PlainJson
{
    private const string DecimalTag = "$decimal";
    private const string DictTag = "$dict";

    /// <exception cref="FormatException">Not JSON, or not of the expected shape.</exception>
    public static object? Parse(string json, string what)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new Reader(json, what);
        var value = reader.Value(0);
        reader.End();
        return value;
    }

    /// <summary>Plain data ready to write losslessly: decimals become <c>{"$decimal": "1.10"}</c>, a dict whose only key is a tag is wrapped in <c>{"$dict": ...}</c>.</summary>
    public static object? Tag(object? value) => value switch
    {
        decimal number => new Dictionary<string, object?> { [DecimalTag] = number.ToString(CultureInfo.InvariantCulture) },
        IReadOnlyList<object?> list => list.Select(Tag).ToList(),
        IReadOnlyDictionary<string, object?> map when map.Count == 1 && (map.ContainsKey(DecimalTag) || map.ContainsKey(DictTag)) =>
            new Dictionary<string, object?> { [DictTag] = map.ToDictionary(p => p.Key, p => Tag(p.Value), StringComparer.Ordinal) },
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => Tag(p.Value), StringComparer.Ordinal),
        _ => value,
    };

    /// <summary>The plain data <see cref="Tag"/> was given.</summary>
    public static object? Untag(object? value)
    {
        switch (value)
        {
            case List<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    list[i] = Untag(list[i]);
                }
                return list;
            case Dictionary<string, object?> map when map.Count == 1 && map.TryGetValue(DecimalTag, out var text) && text is string digits:
                return decimal.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
            case Dictionary<string, object?> map when map.Count == 1 && map.TryGetValue(DictTag, out var inner) && inner is Dictionary<string, object?> wrapped:
                return UntagMembers(wrapped);
            case Dictionary<string, object?> map:
                return UntagMembers(map);
            default:
                return value;
        }
    }

    private static Dictionary<string, object?> UntagMembers(Dictionary<string, object?> map)
    {
        foreach (var key in map.Keys.ToList())
        {
            map[key] = Untag(map[key]);
        }
        return map;
    }

    private sealed class Reader(string text, string what)
    {
        private const int MaxDepth = 1100;
        private int _at;

        public object? Value(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Fail("nested too deep");
            }
            SkipSpace();
            if (_at >= text.Length)
            {
                throw Fail("unexpected end");
            }
            switch (text[_at])
            {
                case '{':
                    return Object(depth);
                case '[':
                    return Array(depth);
                case '"':
                    return String();
                case 't':
                    return Literal("true", true);
                case 'f':
                    return Literal("false", false);
                case 'n':
                    return Literal("null", null);
                default:
                    return Number();
            }
        }

        public void End()
        {
            SkipSpace();
            if (_at != text.Length)
            {
                throw Fail("text after the value");
            }
        }

        private Dictionary<string, object?> Object(int depth)
        {
            _at++;
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            SkipSpace();
            if (Peek() == '}')
            {
                _at++;
                return map;
            }
            while (true)
            {
                SkipSpace();
                if (Peek() != '"')
                {
                    throw Fail("expected a key");
                }
                var key = String();
                SkipSpace();
                Expect(':');
                map[key] = Value(depth + 1);
                SkipSpace();
                if (Peek() == ',')
                {
                    _at++;
                    continue;
                }
                Expect('}');
                return map;
            }
        }

        private List<object?> Array(int depth)
        {
            _at++;
            var list = new List<object?>();
            SkipSpace();
            if (Peek() == ']')
            {
                _at++;
                return list;
            }
            while (true)
            {
                list.Add(Value(depth + 1));
                SkipSpace();
                if (Peek() == ',')
                {
                    _at++;
                    continue;
                }
                Expect(']');
                return list;
            }
        }

        private string String()
        {
            _at++;
            var result = new StringBuilder();
            while (true)
            {
                if (_at >= text.Length)
                {
                    throw Fail("unterminated string");
                }
                var c = text[_at++];
                if (c == '"')
                {
                    return result.ToString();
                }
                if (c != '\\')
                {
                    result.Append(c);
                    continue;
                }
                var escape = _at < text.Length ? text[_at++] : throw Fail("unterminated string");
                switch (escape)
                {
                    case '"' or '\\' or '/': result.Append(escape); break;
                    case 'n': result.Append('\n'); break;
                    case 'r': result.Append('\r'); break;
                    case 't': result.Append('\t'); break;
                    case 'b': result.Append('\b'); break;
                    case 'f': result.Append('\f'); break;
                    case 'u' when _at + 4 <= text.Length && ushort.TryParse(text.AsSpan(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                        result.Append((char)code);
                        _at += 4;
                        break;
                    default: throw Fail($"bad escape \\{escape}");
                }
            }
        }

        private object Number()
        {
            var start = _at;
            while (_at < text.Length && "+-0123456789.eE".Contains(text[_at], StringComparison.Ordinal))
            {
                _at++;
            }
            var number = text.AsSpan(start, _at - start);
            if (number.IndexOfAny(".eE") < 0)
            {
                if (long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    return integer;
                }
                if (BigInteger.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
                {
                    return big;
                }
            }
            else if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            {
                return real;
            }
            throw Fail(number.Length == 0 ? $"unexpected '{text[start]}'" : $"bad number '{number}'");
        }

        private object? Literal(string word, object? value)
        {
            if (string.CompareOrdinal(text, _at, word, 0, word.Length) != 0)
            {
                throw Fail($"unexpected '{text[_at]}'");
            }
            _at += word.Length;
            return value;
        }

        private char Peek() => _at < text.Length ? text[_at] : '\0';

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Fail($"expected '{c}'");
            }
            _at++;
        }

        private void SkipSpace()
        {
            while (_at < text.Length && text[_at] is ' ' or '\n' or '\r' or '\t')
            {
                _at++;
            }
        }

        private FormatException Fail(string problem) => new(Messages.BadSnapshot(what, $"{problem} at character {_at}"));
    }
}
