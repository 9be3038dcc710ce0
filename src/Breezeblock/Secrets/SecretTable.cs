using System.Buffers;
using System.Security.Cryptography;

namespace Breezeblock;

/// <summary>
/// Every secret this process knows, by placeholder and by value. A secret's text, inside Python and
/// in everything made from it, is its placeholder: <c>(secret:</c> and 20 random letters and digits
/// <c>)</c>, the same for the same value within the process and unguessable outside it. Placeholders
/// are copied whole by concatenation, f-strings, <c>format</c>, <c>%</c> and <c>join</c>, so whatever
/// config code builds from a secret still carries it; <see cref="SecretText"/> turns placeholders into
/// markers or values at the edges. Values stay for the process's life: one that is rotated is still
/// masked where it appears (see <see cref="SecretText.Redact"/>). Thread-safe; readers take no lock.
/// </summary>
internal static class SecretTable
{
    public const string Prefix = "(secret:";
    private const int BodyLength = 20;
    public const int TokenLength = 8 + BodyLength + 1;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>Values shorter than this are not masked by value (they would mask ordinary words); their placeholders are.</summary>
    public const int MinimumMaskedLength = 4;

    private static readonly Lock s_lock = new();
    private static volatile State s_state = new([], [], 0);

    /// <summary>How many secrets the process knows; 0 lets every edge skip its scan.</summary>
    public static int Count => s_state.Count;

    /// <summary>The placeholder of <paramref name="value"/>, registering it on first use. Placeholders inside the value are revealed first.</summary>
    public static string Register(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value = Reveal(value);
        if (s_state.ByValue.TryGetValue(value, out var known))
        {
            return known;
        }
        lock (s_lock)
        {
            var state = s_state;
            if (state.ByValue.TryGetValue(value, out known))
            {
                return known;
            }
            var token = NewToken();
            s_state = state.With(token, value);
            return token;
        }
    }

    /// <summary>Takes a placeholder made by another process (a worker) with its value, so that this one reveals and masks it too.</summary>
    public static void Adopt(string token, string value)
    {
        if (!IsToken(token) || s_state.ByToken.ContainsKey(token))
        {
            return;
        }
        lock (s_lock)
        {
            if (!s_state.ByToken.ContainsKey(token))
            {
                s_state = s_state.With(token, value);
            }
        }
    }

    /// <summary>The value behind a placeholder this process made or adopted.</summary>
    public static bool TryValue(ReadOnlySpan<char> token, out string value)
    {
        var lookup = s_state.ByToken.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(token, out value!);
    }

    /// <summary>True when <paramref name="text"/> holds a placeholder, known or not (a changed one too: the prefix in any case).</summary>
    public static bool HasToken(ReadOnlySpan<char> text) =>
        s_state.Count > 0 && text.Length >= TokenLength && text.IndexOf(Prefix, StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary><paramref name="text"/> with every known placeholder replaced by its value (an unknown one is left as it is).</summary>
    public static string Reveal(string text)
    {
        if (!HasToken(text))
        {
            return text;
        }
        return Replace(text, static (token, _) => TryValue(token, out var value) ? value : null, 0);
    }

    /// <summary>The placeholders in <paramref name="text"/> that this process knows, with their values.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Tokens(string text)
    {
        if (!HasToken(text))
        {
            yield break;
        }
        for (var at = text.IndexOf(Prefix, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Prefix, at + 1, StringComparison.Ordinal))
        {
            if (at + TokenLength <= text.Length && TryValue(text.AsSpan(at, TokenLength), out var value))
            {
                yield return new(text.Substring(at, TokenLength), value);
            }
        }
    }

    /// <summary>The placeholders in plain data this process knows, with their values; null when there are none.</summary>
    public static Dictionary<string, object?>? TokensIn(object? data)
    {
        if (SecretTable.Count == 0)
        {
            return null;
        }
        var found = new Dictionary<string, object?>(StringComparer.Ordinal);
        void Visit(object? value)
        {
            switch (value)
            {
                case string text:
                    foreach (var (token, secret) in Tokens(text))
                    {
                        found[token] = secret;
                    }
                    break;
                case Dictionary<string, object?> map:
                    foreach (var (key, item) in map)
                    {
                        Visit(key);
                        Visit(item);
                    }
                    break;
                case List<object?> list:
                    list.ForEach(Visit);
                    break;
            }
        }
        Visit(data);
        return found.Count == 0 ? null : found;
    }

    /// <summary>Adopts the placeholders another process of this program sent (<see cref="TokensIn"/>'s table), if any.</summary>
    /// <exception cref="FormatException">The table's values are not strings.</exception>
    public static void AdoptAll(object? table)
    {
        if (table is not IReadOnlyDictionary<string, object?> entries)
        {
            return;
        }
        foreach (var (token, value) in entries)
        {
            Adopt(token, value as string ?? throw new FormatException(Messages.BadSnapshot("secrets", "values must be strings")));
        }
    }

    /// <summary>
    /// Replaces each placeholder-shaped run of <paramref name="text"/> (prefix in any case, then 20
    /// letters or digits, then <c>)</c>) with what <paramref name="replacement"/> gives, or leaves it when null.
    /// </summary>
    internal static string Replace<TState>(string text, Func<ReadOnlySpan<char>, TState, string?> replacement, TState state)
    {
        System.Text.StringBuilder? result = null;
        var copied = 0;
        var at = text.IndexOf(Prefix, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var end = at + TokenLength;
            if (end <= text.Length && IsToken(text.AsSpan(at, TokenLength)) && replacement(text.AsSpan(at, TokenLength), state) is { } replaced)
            {
                result ??= new System.Text.StringBuilder(text.Length);
                result.Append(text, copied, at - copied).Append(replaced);
                copied = end;
                at = end;
            }
            else
            {
                at++;
            }
            at = at < text.Length ? text.IndexOf(Prefix, at, StringComparison.OrdinalIgnoreCase) : -1;
        }
        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The values to mask by value (the long enough ones), as one set to search for.</summary>
    internal static SearchValues<string>? MaskedValues => s_state.Masked;

    /// <summary>The value's JSON-escaped form too, for masking inside JSON text (null when it is the same).</summary>
    internal static IReadOnlyDictionary<string, string> ValuesByText => s_state.ByText;

    // A placeholder's shape, in any case: a changed one (upper()) is still recognised and masked.
    private static bool IsToken(ReadOnlySpan<char> text)
    {
        if (text.Length != TokenLength || !text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || text[^1] != ')')
        {
            return false;
        }
        foreach (var c in text[Prefix.Length..^1])
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    private static string NewToken()
    {
        Span<byte> random = stackalloc byte[BodyLength];
        RandomNumberGenerator.Fill(random);
        Span<char> token = stackalloc char[TokenLength];
        Prefix.CopyTo(token);
        for (var i = 0; i < BodyLength; i++)
        {
            token[Prefix.Length + i] = Alphabet[random[i] & 31];
        }
        token[^1] = ')';
        return new string(token);
    }

    private sealed class State(Dictionary<string, string> byToken, Dictionary<string, string> byValue, int count)
    {
        private SearchValues<string>? _masked;
        private Dictionary<string, string>? _byText;

        public Dictionary<string, string> ByToken { get; } = byToken;

        public Dictionary<string, string> ByValue { get; } = byValue;

        public int Count { get; } = count;

        public SearchValues<string>? Masked => Count == 0 ? null : _masked ??= SearchValues.Create(ByText.Keys.ToArray(), StringComparison.Ordinal);

        // Each maskable value by the texts it may appear as: itself, and JSON-escaped.
        public Dictionary<string, string> ByText => _byText ??= MakeByText();

        private Dictionary<string, string> MakeByText()
        {
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var value in ByValue.Keys.Where(v => v.Length >= MinimumMaskedLength))
            {
                texts.TryAdd(value, value);
                var escaped = JsonText.String(value)[1..^1];
                texts.TryAdd(escaped, value);
            }
            return texts;
        }

        public State With(string token, string value)
        {
            var byToken = new Dictionary<string, string>(ByToken, StringComparer.Ordinal) { [token] = value };
            var byValue = new Dictionary<string, string>(ByValue, StringComparer.Ordinal);
            byValue.TryAdd(value, token);
            return new State(byToken, byValue, Count + 1);
        }
    }
}
