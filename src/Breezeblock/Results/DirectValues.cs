using System.Diagnostics.CodeAnalysis;
using System.Collections;

namespace Breezeblock;

/// <summary>
/// Results that already are what the caller asks for, handed over without a detour through plain
/// data: a host object as itself, a list of host objects as a typed list of those same objects, a
/// dict of them (str keys) as a typed dictionary of those same objects.
/// </summary>
[RequiresUnreferencedCode(Messages.BindingNeedsReflection)]
[RequiresDynamicCode(Messages.BindingNeedsReflection)]
internal static class DirectValues
{
    public static bool TryConvert(object? managed, Type type, out object? converted)
    {
        converted = null;
        if (managed is null || HoldsPlaceholders(managed))
        {
            return false; // text holding secrets is bound through plain data, which reveals them
        }
        if (managed is not IEnumerable || managed is string)
        {
            converted = managed;
            return type.IsInstanceOfType(managed);
        }
        if (managed is IDictionary entries)
        {
            return TryConvertDictionary(entries, type, out converted);
        }
        if (managed is not IList items || ElementType(type) is not { } element || element == typeof(object) || !items.Cast<object?>().All(element.IsInstanceOfType))
        {
            return false;
        }
        if (type.IsArray)
        {
            var array = Array.CreateInstance(element, items.Count);
            items.CopyTo(array, 0);
            converted = array;
            return true;
        }
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element), items.Count)!;
        foreach (var item in items)
        {
            list.Add(item);
        }
        converted = list;
        return type.IsInstanceOfType(list);
    }

    private static bool TryConvertDictionary(IDictionary entries, Type type, out object? converted)
    {
        converted = null;
        if (!type.IsGenericType || type.GetGenericArguments() is not [var key, var value] || key != typeof(string) || value == typeof(object))
        {
            return false;
        }
        var definition = type.GetGenericTypeDefinition();
        if (definition != typeof(Dictionary<,>) && definition != typeof(IDictionary<,>) && definition != typeof(IReadOnlyDictionary<,>))
        {
            return false;
        }
        var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(key, value), entries.Count)!;
        foreach (DictionaryEntry entry in entries)
        {
            if (entry.Key is not string name || !value.IsInstanceOfType(entry.Value))
            {
                return false;
            }
            dictionary[name] = entry.Value;
        }
        converted = dictionary;
        return true;
    }

    private static bool HoldsPlaceholders(object managed) => SecretTable.Count > 0 && managed switch
    {
        string text => SecretTable.HasToken(text),
        IDictionary entries => entries.Values.OfType<string>().Any(t => SecretTable.HasToken(t)),
        IList items => items.OfType<string>().Any(t => SecretTable.HasToken(t)),
        _ => false,
    };

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        if (!type.IsGenericType)
        {
            return null;
        }
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
            || definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }
}
