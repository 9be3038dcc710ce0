using System.Security.Cryptography;
using System.Text;

namespace Breezeblock;

/// <summary>
/// What an edge does with the secrets in text it shows or hands on: <see cref="Redact"/> puts a marker
/// where each placeholder, or a secret's value itself, appears (what people and files see);
/// <see cref="Hashed"/> does so with a keyed hash of the value in the marker, so that two outputs can
/// be compared without showing either; <see cref="Reveal"/> puts the values back (what the application
/// receives). Masking by value catches a secret that config code revealed and used as it is.
/// </summary>
internal sealed class SecretText
{
    /// <summary>The marker shown for a secret.</summary>
    public const string Marker = "(secret)";

    private readonly byte[]? _hashKey;
    private readonly bool _reveal;

    private SecretText(byte[]? hashKey, bool reveal)
    {
        _hashKey = hashKey;
        _reveal = reveal;
    }

    /// <summary>Secrets become <see cref="Marker"/>.</summary>
    public static SecretText Redact { get; } = new(null, reveal: false);

    /// <summary>Secrets become their values.</summary>
    public static SecretText Reveal { get; } = new(null, reveal: true);

    /// <summary>Secrets become <c>(secret 0123456789abcdef)</c>: 64 bits of HMAC-SHA256 of the value under <paramref name="key"/>.</summary>
    public static SecretText Hashed(byte[] key) => new(key, reveal: false);

    public bool Reveals => _reveal;

    /// <summary>The marker for a value: <see cref="Marker"/>, or with its keyed hash.</summary>
    public string MarkerOf(string value)
    {
        if (_hashKey is null)
        {
            return Marker;
        }
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(value), hash);
        return $"(secret {Convert.ToHexStringLower(hash[..8])})";
    }

    /// <summary>True when <see cref="Apply"/> would change <paramref name="text"/>.</summary>
    public bool Affects(ReadOnlySpan<char> text)
    {
        if (SecretTable.Count == 0)
        {
            return false;
        }
        if (SecretTable.HasToken(text))
        {
            return true;
        }
        return !_reveal && SecretTable.MaskedValues is { } masked && text.IndexOfAny(masked) >= 0;
    }

    /// <summary><paramref name="text"/> with its secrets handled; the same instance when it has none.</summary>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Affects(text))
        {
            return text;
        }
        var result = new StringBuilder(text.Length);
        var start = 0;
        var at = text.IndexOf(SecretTable.Prefix, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var token = at + SecretTable.TokenLength <= text.Length ? text.AsSpan(at, SecretTable.TokenLength) : default;
            var replaced = token.IsEmpty ? null : Replacement(token);
            if (replaced is null)
            {
                at = text.IndexOf(SecretTable.Prefix, at + 1, StringComparison.OrdinalIgnoreCase);
                continue;
            }
            Mask(result, text.AsSpan(start, at - start));
            result.Append(replaced);
            start = at + SecretTable.TokenLength;
            at = start < text.Length ? text.IndexOf(SecretTable.Prefix, start, StringComparison.OrdinalIgnoreCase) : -1;
        }
        Mask(result, text.AsSpan(start));
        return result.ToString();
    }

    /// <summary>Plain data (see <see cref="PlainData"/>) with <see cref="Apply"/> done to every string and key; unchanged containers are the same instances.</summary>
    public object? ApplyAll(object? value)
    {
        if (SecretTable.Count == 0)
        {
            return value;
        }
        switch (value)
        {
            case string text:
                return Apply(text);
            case Dictionary<string, object?> map:
                Dictionary<string, object?>? changed = null;
                foreach (var (key, item) in map)
                {
                    var newKey = Apply(key);
                    var newItem = ApplyAll(item);
                    if (changed is null && (!ReferenceEquals(newKey, key) || !ReferenceEquals(newItem, item)))
                    {
                        changed = new Dictionary<string, object?>(map.Count, map.Comparer);
                        foreach (var (earlier, earlierItem) in map)
                        {
                            if (earlier == key)
                            {
                                break;
                            }
                            changed[earlier] = earlierItem;
                        }
                    }
                    if (changed is not null)
                    {
                        changed[newKey] = newItem;
                    }
                }
                return changed ?? map;
            case List<object?> list:
                List<object?>? copy = null;
                for (var i = 0; i < list.Count; i++)
                {
                    var item = ApplyAll(list[i]);
                    if (copy is null && !ReferenceEquals(item, list[i]))
                    {
                        copy = new List<object?>(list.Count);
                        copy.AddRange(list.Take(i));
                    }
                    copy?.Add(item);
                }
                return copy ?? list;
            default:
                return value;
        }
    }

    // A placeholder's replacement; null leaves it (revealing one this process does not know).
    private string? Replacement(ReadOnlySpan<char> token)
    {
        if (!SecretTable.TryValue(token, out var value))
        {
            return IsShaped(token) ? (_reveal ? null : Marker) : null;
        }
        return _reveal ? value : MarkerOf(value);
    }

    private static bool IsShaped(ReadOnlySpan<char> token)
    {
        foreach (var c in token[SecretTable.Prefix.Length..^1])
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }
        return token[^1] == ')';
    }

    // Appends text, masking each secret value in it (the longest that starts at a match).
    private void Mask(StringBuilder result, ReadOnlySpan<char> text)
    {
        if (_reveal || SecretTable.MaskedValues is not { } masked)
        {
            result.Append(text);
            return;
        }
        var texts = SecretTable.ValuesByText;
        while (text.IndexOfAny(masked) is var at and >= 0)
        {
            var rest = text[at..];
            var (found, value) = ("", "");
            foreach (var (candidate, original) in texts)
            {
                if (candidate.Length > found.Length && rest.StartsWith(candidate, StringComparison.Ordinal))
                {
                    (found, value) = (candidate, original);
                }
            }
            result.Append(text[..at]).Append(MarkerOf(value));
            text = text[(at + found.Length)..];
        }
        result.Append(text);
    }
}
