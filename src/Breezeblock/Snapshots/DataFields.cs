namespace Breezeblock;

/// <summary>Typed reads from parsed snapshot data, each failing with a <see cref="FormatException"/> that names the field.</summary>
internal sealed class DataFields(object? data, string what)
{
    private readonly Dictionary<string, object?> _map = data as Dictionary<string, object?>
        ?? throw new FormatException(Messages.BadSnapshot(what, "expected a JSON object"));

    public string What => what;

    public object? Raw(string key) => _map.GetValueOrDefault(key);

    public string String(string key) => Optional(key) ?? throw Missing(key);

    public string? Optional(string key) => _map.GetValueOrDefault(key) switch
    {
        null => null,
        string text => text,
        _ => throw Wrong(key, "a string"),
    };

    public int Int(string key) => _map.GetValueOrDefault(key) switch
    {
        long number when number is >= int.MinValue and <= int.MaxValue => (int)number,
        null => 0,
        _ => throw Wrong(key, "an integer"),
    };

    public double Double(string key) => _map.GetValueOrDefault(key) switch
    {
        double number => number,
        long number => number,
        null => 0,
        _ => throw Wrong(key, "a number"),
    };

    public bool Bool(string key) => _map.GetValueOrDefault(key) switch
    {
        bool flag => flag,
        null => false,
        _ => throw Wrong(key, "true or false"),
    };

    public List<object?> List(string key) => _map.GetValueOrDefault(key) switch
    {
        List<object?> list => list,
        null => [],
        _ => throw Wrong(key, "a list"),
    };

    public List<string> Strings(string key) => List(key).Select(item => item as string ?? throw Wrong(key, "a list of strings")).ToList();

    public Dictionary<string, object?> Map(string key) => _map.GetValueOrDefault(key) switch
    {
        Dictionary<string, object?> map => map,
        null => new Dictionary<string, object?>(StringComparer.Ordinal),
        _ => throw Wrong(key, "an object"),
    };

    public TEnum Enum<TEnum>(string key)
        where TEnum : struct, Enum =>
        System.Enum.TryParse<TEnum>(String(key), out var value) ? value : throw Wrong(key, $"a {typeof(TEnum).Name}");

    private FormatException Missing(string key) => new(Messages.BadSnapshot(what, $"'{key}' is missing"));

    private FormatException Wrong(string key, string expected) => new(Messages.BadSnapshot(what, $"'{key}' must be {expected}"));
}
