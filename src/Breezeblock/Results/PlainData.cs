using System.Globalization;
using System.Numerics;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Turns a config's Python result into plain data that JSON and YAML can hold: null, bool, long,
/// BigInteger, double, decimal, string, List&lt;object?&gt; and Dictionary&lt;string, object?&gt;
/// (in order). Dataclasses become their fields in order, enums their value, dates ISO 8601 strings,
/// sets sorted lists and host objects their attributes (<see cref="IHostObjectRenderer"/>). Anything
/// else is an error naming its path: <c>$.svc.handlers[2]: function</c>. The GIL must be held.
/// </summary>
internal sealed class PlainData(PythonRuntime? runtime, IHostObjectRenderer? hostObjects, bool leaveOutUnrepresentable = false)
{
    // Python helpers used for values that are not plain already; made once per process.
    private static PyObject? s_isInstance;
    private static PyObject? s_enumType;
    private static PyObject? s_fields;
    private static PyObject? s_isDataclass;
    private static PyObject? s_dateTypes;

    /// <summary>The plain data of <paramref name="value"/>, found at <paramref name="path"/>.</summary>
    /// <exception cref="UnrepresentableValueException">A part of the value has no plain form.</exception>
    public object? FromPython(PyObject value, string path) => FromPython(value, ValuePath.Root(path));

    private object? FromPython(PyObject value, ValuePath path)
    {
        object? managed;
        try
        {
            managed = value.ToManaged();
        }
        catch (InvalidOperationException) when (FindCycle(value, path.Text) is var (where, container))
        {
            throw new UnrepresentableValueException(where, Messages.ContainsItself(container));
        }
        catch (InvalidOperationException)
        {
            throw new UnrepresentableValueException(path.Text, Messages.NestedTooDeepToConvert); // deep, not cyclic
        }
        catch (InvalidCastException e)
        {
            throw new UnrepresentableValueException(path.Text, e.Message);
        }
        return Normalize(managed, path, 0);
    }

    /// <summary>The plain data of a .NET value (a host function's argument or result): lists, dictionaries, host objects by their Python names.</summary>
    /// <exception cref="UnrepresentableValueException">A part of the value has no plain form.</exception>
    public object? FromDotnetValue(object? value, string path) => Normalize(value, ValuePath.Root(path), 0);

    // A member or item: unrepresentable parts fail the whole value, or for binding are left out (a
    // list keeps its positions with null).
    private object? Item(object? value, ValuePath path, int depth, out bool leftOut)
    {
        leftOut = false;
        if (!leaveOutUnrepresentable)
        {
            return Normalize(value, path, depth);
        }
        try
        {
            return Normalize(value, path, depth);
        }
        catch (UnrepresentableValueException)
        {
            leftOut = true;
            return null;
        }
    }

    // The index of the first UTF-16 surrogate without its pair (Python strings may hold them; JSON and YAML text cannot).
    private static int? LoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }
        return null;
    }

    // Where a value that could not be converted contains itself: the item's path and its container's.
    private static (string Where, string Container)? FindCycle(PyObject value, string path)
    {
        using var found = ValuesModule.Get(PythonRuntime.Current).FindCycle.Call(value, path);
        return found.ToManaged() is List<object?> { Count: 2 } paths ? ((string)paths[0]!, (string)paths[1]!) : null;
    }

    private object? Normalize(object? value, ValuePath path, int depth)
    {
        if (depth > 500)
        {
            throw new UnrepresentableValueException(path.Text, Messages.NestedTooDeep);
        }
        switch (value)
        {
            case string text when !leaveOutUnrepresentable && LoneSurrogate(text) is { } index:
                throw new UnrepresentableValueException(path.Text, Messages.LoneSurrogate(text[index], index));
            case null or bool or string or long or BigInteger or decimal:
                return value;
            case double number:
                return double.IsFinite(number) ? number : throw new UnrepresentableValueException(path.Text, Messages.NotJsonFloat(FormatSpecial(number)));
            case List<object?> list:
                var items = list.Count > 0 ? path.Items() : null;
                for (var i = 0; i < list.Count; i++)
                {
                    list[i] = Item(list[i], items!.Item(i), depth + 1, out _);
                }
                return list;
            case object?[] tuple:
                return Normalize(tuple.ToList(), path, depth);
            case Dictionary<object, object?> dictionary:
                var map = new Dictionary<string, object?>(dictionary.Count, StringComparer.Ordinal);
                var members = path.Items();
                foreach (var (key, item) in dictionary)
                {
                    var name = KeyText(key, path);
                    if (Item(item, members.Member(name), depth + 1, out var left) is var normalized && !left)
                    {
                        map[name] = normalized;
                    }
                }
                return map;
            case HashSet<object?> set:
                return Normalize(SortedSet(set), path, depth);
            case PyObject python:
                using (python)
                {
                    return FromObject(python, path, depth);
                }
            case byte[]:
                throw new UnrepresentableValueException(path.Text, Messages.BytesValue);
        }
        if (hostObjects is not null && TryRender(value, path, out var rendered))
        {
            return Normalize(rendered, path, depth + 1);
        }
        return FromDotnet(value, path, depth);
    }

    private bool TryRender(object value, ValuePath path, out object? rendered)
    {
        try
        {
            return hostObjects!.TryRender(value, out rendered);
        }
        catch (UnrepresentableValueException e) when (e.Path.Length == 0)
        {
            throw new UnrepresentableValueException(path.Text, e.What); // the renderer knows what, not where
        }
    }

    // .NET values come from host objects: their properties hold C# types.
    private object? FromDotnet(object value, ValuePath path, int depth)
    {
        switch (value)
        {
            case int or short or sbyte or byte or ushort or uint or nint:
                return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case ulong or nuint:
                var unsigned = Convert.ToUInt64(value, CultureInfo.InvariantCulture);
                return unsigned <= long.MaxValue ? (long)unsigned : (BigInteger)unsigned;
            case float number:
                return Normalize((double)number, path, depth);
            case Enum member:
                return Enum.IsDefined(member.GetType(), member) ? member.ToString() : Convert.ToInt64(member, CultureInfo.InvariantCulture);
            case DateTime time:
                return time.ToString(time.Kind == DateTimeKind.Unspecified ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFF" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFzzz", CultureInfo.InvariantCulture);
            case DateTimeOffset offset:
                return offset.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFzzz", CultureInfo.InvariantCulture);
            case DateOnly date:
                return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case TimeSpan span:
                return span.ToString("c", CultureInfo.InvariantCulture);
            case Guid guid:
                return guid.ToString();
            case Uri uri:
                return uri.OriginalString;
            case char character:
                return character.ToString();
            case SecretString secret:
                return secret.Token; // its placeholder: output masks it, the application's reading reveals it
            case Delegate:
                throw new UnrepresentableValueException(path.Text, Messages.FunctionValue);
            case System.Collections.IDictionary dictionary:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                var members = path.Items();
                foreach (System.Collections.DictionaryEntry entry in dictionary)
                {
                    var name = KeyText(entry.Key, path);
                    if (Item(entry.Value, members.Member(name), depth + 1, out var left) is var normalized && !left)
                    {
                        map[name] = normalized;
                    }
                }
                return map;
            case System.Collections.IEnumerable sequence:
                return Normalize(sequence.Cast<object?>().ToList(), path, depth);
        }
        throw new UnrepresentableValueException(path.Text, Messages.DotnetValue(value.GetType().Name));
    }

    private object? FromObject(PyObject value, ValuePath path, int depth)
    {
        s_isInstance ??= Attribute("builtins", "isinstance");
        s_enumType ??= Attribute("enum", "Enum");
        if (s_isInstance.Call(value, s_enumType).As<bool>())
        {
            using var member = value.GetAttr("value");
            return Normalize(member.ToManaged(), path, depth + 1);
        }
        s_isDataclass ??= Attribute("dataclasses", "is_dataclass");
        if (s_isDataclass.Call(value).As<bool>() && !IsType(value))
        {
            s_fields ??= Attribute("dataclasses", "fields");
            using var fields = s_fields.Call(value);
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            var members = path.Items();
            foreach (var field in fields.Iterate())
            {
                using (field)
                {
                    var name = field.GetAttr("name").As<string>();
                    using var item = value.GetAttr(name);
                    if (Item(item.ToManaged(), members.Member(name), depth + 1, out var left) is var normalized && !left)
                    {
                        map[name] = normalized;
                    }
                }
            }
            return map;
        }
        s_dateTypes ??= runtime!.Evaluate("(__import__('datetime').date, __import__('datetime').time)");
        if (s_isInstance.Call(value, s_dateTypes).As<bool>())
        {
            using var isoformat = value.GetAttr("isoformat");
            return isoformat.Call().As<string>();
        }
        throw new UnrepresentableValueException(path.Text, Messages.PythonObject(value.TypeName));
    }

    private static bool IsType(PyObject value) => value.TypeName == "type";

    private PyObject Attribute(string module, string name)
    {
        using var imported = runtime!.Import(module);
        return imported.GetAttr(name);
    }

    private static string KeyText(object key, ValuePath path) => key switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        long or BigInteger => Convert.ToString(key, CultureInfo.InvariantCulture)!,
        double number => JsonText.Double(number),
        _ => throw new UnrepresentableValueException(path.Text, Messages.BadKey(key is object?[] ? "tuple" : key.GetType().Name)),
    };

    private static List<object?> SortedSet(HashSet<object?> set)
    {
        var items = set.ToList();
        if (items.All(i => i is string))
        {
            items.Sort((a, b) => string.CompareOrdinal((string)a!, (string)b!));
        }
        else if (items.All(i => i is long or double))
        {
            items.Sort((a, b) => Convert.ToDouble(a, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(b, CultureInfo.InvariantCulture)));
        }
        return items;
    }

    private static string FormatSpecial(double number) => double.IsNaN(number) ? "nan" : number > 0 ? "inf" : "-inf";
}

/// <summary>A part of a result that plain data cannot hold, with its path.</summary>
internal sealed class UnrepresentableValueException(string path, string what) : Exception($"{path}: {what}")
{
    public string Path { get; } = path;

    public string What { get; } = what;
}

/// <summary>Renders .NET objects that Python code built from host types (the host type bridge implements it).</summary>
internal interface IHostObjectRenderer
{
    /// <summary>The object as plain data (a dictionary of its Python attribute names, or its items), or false when it is not a host object.</summary>
    bool TryRender(object value, out object? rendered);
}

/// <summary>JSONPath-style paths into results: <c>$.web.ports[2]</c>, <c>$["odd key"]</c>.</summary>
internal static class Paths
{
    public static string Member(string path, string name) =>
        IsIdentifier(name)
            ? $"{path}.{name}"
            : $"{path}[{JsonText.String(name)}]";

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }
        return true;
    }
}
