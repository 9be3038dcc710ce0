using System.Globalization;
using System.Numerics;

namespace Breezeblock.Extensions.Configuration;

/// <summary>
/// A result flattened into configuration keys: each config is a section named after it, dict keys are
/// kept as written, list items are numbered from 0, host objects use their C# property names, None is
/// a key with a null value, and numbers and booleans are written invariantly (so binding works in any
/// culture). An empty dict or list is a key with a null value, as the JSON provider does.
/// </summary>
internal static class ConfigurationData
{
    /// <summary>
    /// The keys of every config that configuration can hold, and the names of those it cannot. The
    /// configs the report says did not change keep their keys from <paramref name="previous"/> (made from
    /// the same objects); the others are converted together, in one turn with Python.
    /// </summary>
    /// <exception cref="FormatException">Two keys differ only by case.</exception>
    public static (Dictionary<string, string?> Data, List<string> LeftOut) From(ConfigResult result, IDictionary<string, string?>? previous = null, IReadOnlyCollection<string>? previousNames = null)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var changed = result.Report.Changed.ToHashSet(StringComparer.Ordinal);
        var kept = previous is null || previousNames is null
            ? []
            : result.Names.Where(n => !changed.Contains(n) && previousNames.Contains(n)).ToHashSet(StringComparer.Ordinal);
        if (kept.Count > 0)
        {
            foreach (var (key, value) in previous!)
            {
                if (kept.Contains(Config(key)))
                {
                    data[key] = value;
                }
            }
        }
        var values = result.Get(result.Names.Where(n => !kept.Contains(n)), PlainDataStyle.Binding);
        var leftOut = new List<string>();
        foreach (var name in result.Names)
        {
            if (kept.Contains(name))
            {
                continue;
            }
            if (values.TryGetValue(name, out var value))
            {
                Add(data, name, name, value);
            }
            else
            {
                leftOut.Add(name);
            }
        }
        return (data, leftOut);
    }

    private static void Add(Dictionary<string, string?> data, string config, string key, object? value)
    {
        switch (value)
        {
            case Dictionary<string, object?> { Count: > 0 } map:
                foreach (var (member, item) in map)
                {
                    Add(data, config, $"{key}:{member}", item);
                }
                break;
            case List<object?> { Count: > 0 } list:
                for (var i = 0; i < list.Count; i++)
                {
                    Add(data, config, $"{key}:{i.ToString(CultureInfo.InvariantCulture)}", list[i]);
                }
                break;
            default:
                Set(data, config, key, Text(value));
                break;
        }
    }

    private static void Set(Dictionary<string, string?> data, string config, string key, string? value)
    {
        if (!data.TryAdd(key, value))
        {
            var existing = data.Keys.First(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            throw new FormatException(ConfigurationMessages.KeysDifferOnlyByCase(config, existing, key));
        }
    }

    private static string? Text(object? value) => value switch
    {
        null or Dictionary<string, object?> or List<object?> => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        long or BigInteger or decimal => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The configs (top-level sections) whose keys differ between two configurations, in order. Readers
    /// look keys up ignoring case, so a key that only changed case is no change.
    /// </summary>
    public static List<string> ChangedConfigs(IDictionary<string, string?> before, IDictionary<string, string?> after)
    {
        var changed = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in after)
        {
            if (!before.TryGetValue(key, out var old) || old != value)
            {
                changed.Add(Config(key));
            }
        }
        foreach (var key in before.Keys)
        {
            if (!after.ContainsKey(key))
            {
                changed.Add(Config(key));
            }
        }
        return [.. changed];
    }

    private static string Config(string key) => key.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? key[..colon] : key;
}
