using System.Diagnostics.CodeAnalysis;
using System.Collections;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Lists (List&lt;T&gt;, arrays, IList, IReadOnlyList, IEnumerable …) and Dictionary&lt;string, T&gt;.
/// Python reads them as live proxies, so <c>svc.ports.append(Port(number=80))</c> changes the C#
/// list; assigning a Python list or dict builds a new collection of the declared type.
/// </summary>
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal sealed class CollectionConverter : Converter
{
    private readonly Type _type;
    private readonly Type _build;
    private readonly bool _isArray;
    private readonly bool _isDictionary;

    private CollectionConverter(Type type, Type build, Converter element, bool isArray, bool isDictionary)
    {
        _type = type;
        _build = build;
        Element = element;
        _isArray = isArray;
        _isDictionary = isDictionary;
    }

    public Converter Element { get; }

    public override string PythonType => _isDictionary ? $"Dict[str, {Element.PythonType}]" : $"List[{Element.PythonType}]";

    public override string AcceptedType => _isDictionary ? $"Dict[str, {Element.AcceptedType}]" : $"List[{Element.AcceptedType}]";

    public static CollectionConverter? TryCreate(Type type, System.Reflection.NullabilityInfo? info)
    {
        Converter ElementAt(int index, Type elementType) =>
            (info is null ? null : type.IsArray ? info.ElementType : info.GenericTypeArguments.ElementAtOrDefault(index)) is { } element
                ? For(element)
                : For(elementType, false);
        if (type.IsArray && type.GetArrayRank() == 1)
        {
            return new CollectionConverter(type, type, ElementAt(0, type.GetElementType()!), isArray: true, isDictionary: false);
        }
        if (!type.IsGenericType)
        {
            return null;
        }
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>)
            || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>))
        {
            return new CollectionConverter(type, typeof(List<>).MakeGenericType(arguments), ElementAt(0, arguments[0]), isArray: false, isDictionary: false);
        }
        if ((definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)) && arguments[0] == typeof(string))
        {
            return new CollectionConverter(type, typeof(Dictionary<,>).MakeGenericType(arguments), ElementAt(1, arguments[1]), isArray: false, isDictionary: true);
        }
        return null;
    }

    public override object? FromPython(PyArgument value, string what)
    {
        if (_isDictionary)
        {
            return FromDict(value, what);
        }
        var items = new List<object?>();
        if (value.TryGetWrapped(out var wrapped) && wrapped is HostList proxy)
        {
            items.AddRange(proxy.Items.Cast<object?>());
        }
        else if (value.IsList || value.IsTuple)
        {
            var index = 0;
            foreach (var item in value.Items)
            {
                items.Add(Element.FromPython(item, $"{what}[{index++}]"));
            }
        }
        else
        {
            throw WrongType(what, "list", value);
        }
        if (_isArray)
        {
            var array = Array.CreateInstance(_type.GetElementType()!, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(items[i], i);
            }
            return array;
        }
        var list = (IList)Activator.CreateInstance(_build)!;
        foreach (var item in items)
        {
            list.Add(item);
        }
        return list;
    }

    private IDictionary FromDict(PyArgument value, string what)
    {
        var dictionary = (IDictionary)Activator.CreateInstance(_build)!;
        if (value.TryGetWrapped(out var wrapped) && wrapped is HostDict proxy)
        {
            foreach (DictionaryEntry entry in proxy.Items)
            {
                dictionary[entry.Key] = entry.Value;
            }
            return dictionary;
        }
        if (!value.IsDict)
        {
            throw WrongType(what, "dict", value);
        }
        foreach (var entry in value.Entries)
        {
            if (!entry.Key.IsStr)
            {
                throw PythonErrorException.TypeError(Messages.KeysMustBeStr(what, entry.Key.TypeName));
            }
            var key = entry.Key.AsString();
            dictionary[key] = Element.FromPython(entry.Value, $"{what}[{JsonText.String(key)}]");
        }
        return dictionary;
    }

    public override object? ToPython(object? value) => value switch
    {
        null => null,
        IDictionary dictionary => HostBridge.Proxy(new HostDict(dictionary, Element)),
        IList list => HostBridge.Proxy(new HostList(list, Element)),
        IEnumerable sequence => sequence.Cast<object?>().Select(Element.ToPython).ToArray(), // read-only sequences: a snapshot tuple
        _ => value,
    };
}
