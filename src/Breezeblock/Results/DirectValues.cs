using System.Diagnostics.CodeAnalysis;
using System.Collections;

namespace Breezeblock;

/// <summary>
/// Results that already are what the caller asks for, handed over without a detour through plain
/// data: a host object as itself, a list of host objects as a typed list of those same objects.
/// </summary>
[RequiresUnreferencedCode(Messages.BindingNeedsReflection)]
[RequiresDynamicCode(Messages.BindingNeedsReflection)]
internal static class DirectValues
{
    public static bool TryConvert(object? managed, Type type, out object? converted)
    {
        converted = null;
        if (managed is null)
        {
            return false;
        }
        if (managed is not IEnumerable || managed is string)
        {
            converted = managed;
            return type.IsInstanceOfType(managed);
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
