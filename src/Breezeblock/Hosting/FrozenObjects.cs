using System.Collections;
using System.Runtime.CompilerServices;

namespace Breezeblock;

/// <summary>
/// Host objects (and their collections) that a configure function returned. Once the function
/// returns they are frozen: a later function that tries to change an earlier result gets an error
/// at its own line, so results cannot depend on the order configs run in.
/// </summary>
internal static class FrozenObjects
{
    private static readonly ConditionalWeakTable<object, object> s_frozen = new();
    private static readonly object Marker = new();

    public static bool IsFrozen(object value) => s_frozen.TryGetValue(value, out _);

    /// <summary>Freezes every host object in a configure function's result (the GIL must be held).</summary>
    public static void FreezeResult(Breezeblock.Python.PyObject result)
    {
        object? managed;
        try
        {
            managed = result.ToManaged();
        }
        catch (Exception e) when (e is InvalidCastException or InvalidOperationException)
        {
            return; // not convertible as a whole (a dict keyed by None, a cycle): nothing reachable to freeze that way
        }
        Freeze(managed);
    }

    /// <summary>Freezes <paramref name="value"/> and every host object and collection reachable from it.</summary>
    public static void Freeze(object? value)
    {
        var pending = new Stack<object>();
        Push(pending, value);
        while (pending.TryPop(out var item))
        {
            if (s_frozen.TryGetValue(item, out _))
            {
                continue;
            }
            s_frozen.AddOrUpdate(item, Marker);
            switch (item)
            {
                case HostList list:
                    Push(pending, list.Items);
                    break;
                case HostDict dict:
                    Push(pending, dict.Items);
                    break;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        Push(pending, entry.Value);
                    }
                    break;
                case IEnumerable sequence and not string:
                    foreach (var element in sequence)
                    {
                        Push(pending, element);
                    }
                    break;
                default:
                    if (HostTypes.TryGetClass(item.GetType()) is { } model)
                    {
                        foreach (var property in model.NestingProperties)
                        {
                            Push(pending, property.Property.GetValue(item));
                        }
                    }
                    break;
            }
        }
    }

    private static void Push(Stack<object> pending, object? value)
    {
        if (value is not null && !value.GetType().IsValueType && value is not string && value is not Delegate)
        {
            pending.Push(value);
        }
    }
}
