namespace Breezeblock;

/// <summary>A result's values as plain data, for a result rebuilt from a snapshot: no Python involved.</summary>
internal sealed class DataValues(Dictionary<string, object?> values)
{
    public bool Contains(string name) => values.ContainsKey(name);

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

    public Dictionary<string, object?> PlainOf(IEnumerable<string> names) =>
        names.ToDictionary(n => n, n => Copy(values[n]), StringComparer.Ordinal);

    public Dictionary<string, object?> All() => values.ToDictionary(p => p.Key, p => Copy(p.Value), StringComparer.Ordinal);

    // Callers get their own copy: the result's data never changes under another reader.
    private static object? Copy(object? value) => value switch
    {
        List<object?> list => list.Select(Copy).ToList(),
        Dictionary<string, object?> map => map.ToDictionary(p => p.Key, p => Copy(p.Value), StringComparer.Ordinal),
        _ => value,
    };
}
