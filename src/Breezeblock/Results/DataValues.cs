using System.Diagnostics.CodeAnalysis;
namespace Breezeblock;

/// <summary>A result's values as plain data, for a result rebuilt from a snapshot: no Python involved.</summary>
internal sealed class DataValues(Dictionary<string, object?> values)
{
    public bool Contains(string name) => values.ContainsKey(name);

    [RequiresUnreferencedCode(Messages.BindingNeedsReflection)]
    [RequiresDynamicCode(Messages.BindingNeedsReflection)]
    public T Get<T>(string name, SourceLocation? location)
    {
        if (!values.TryGetValue(name, out var value))
        {
            throw ResultErrors.NotEvaluated(name, values.Keys);
        }
        if (typeof(T) == typeof(Python.PyObject) || typeof(Delegate).IsAssignableFrom(typeof(T)))
        {
            throw new ConfigException(new ConfigError(ConfigErrorKind.ConversionError, Messages.DataOnly(name, typeof(T).Name), location) { ConfigName = name });
        }
        return ResultErrors.Bind<T>(name, Copy(value), location);
    }

    /// <summary>One config's data, copied.</summary>
    public object? Plain(string name) =>
        values.TryGetValue(name, out var value) ? Copy(value) : throw ResultErrors.NotEvaluated(name, values.Keys);

    public Dictionary<string, object?> PlainOf(IEnumerable<string> names) =>
        names.ToDictionary(n => n, n => values.TryGetValue(n, out var value) ? Copy(value) : throw ResultErrors.NotEvaluated(n, values.Keys), StringComparer.Ordinal);

    /// <summary>The named configs' data as a sequence (no copies: the writer only reads them).</summary>
    public IEnumerable<KeyValuePair<string, object?>> PlainEach(IEnumerable<string> names) =>
        names.Select(n => KeyValuePair.Create(n, values[n]));

    public Dictionary<string, object?> All() => values.ToDictionary(p => p.Key, p => Copy(p.Value), StringComparer.Ordinal);

    // Callers get their own copy: the result's data never changes under another reader.
    private static object? Copy(object? value) => value switch
    {
        List<object?> list => list.Select(Copy).ToList(),
        Dictionary<string, object?> map => map.ToDictionary(p => p.Key, p => Copy(p.Value), StringComparer.Ordinal),
        _ => value,
    };
}
