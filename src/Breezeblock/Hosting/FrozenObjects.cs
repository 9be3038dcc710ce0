using System.Collections;
using System.Runtime.CompilerServices;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Host objects (and their collections) in a config's result or an input. Once the function returns
/// they are frozen, like the plain values around them (values.py): a later function that tries to
/// change an earlier result gets an error at its own line, so results cannot depend on the order
/// configs run in. Each frozen object remembers what it belongs to, for the message.
/// </summary>
internal static class FrozenObjects
{
    private static readonly ConditionalWeakTable<object, string> s_frozen = new();

    /// <summary>The error for changing a frozen object, or null when it is not frozen.</summary>
    public static string? FrozenMessage(object value, string what) =>
        s_frozen.TryGetValue(value, out var owner) ? Messages.Frozen(what, owner) : null;

    /// <summary>
    /// The Python function values.py calls once per frozen value with the objects it does not know:
    /// <c>freeze_host(objects, owner)</c> freezes the host objects among them and what they hold; other
    /// objects are left alone. The GIL must be held.
    /// </summary>
    public static PyObject CreateFreezeFunction() => PyFunction.Create("freeze_host", args =>
    {
        var owner = args[1].AsString();
        foreach (var item in args[0].Items)
        {
            if (item.TryGetWrapped(out var target) && target is not null)
            {
                Freeze(target, owner);
            }
        }
        return null;
    });

    /// <summary>Freezes <paramref name="value"/> and every host object and collection reachable from it.</summary>
    public static void Freeze(object? value, string owner)
    {
        var pending = new Stack<object>();
        Push(pending, value);
        while (pending.TryPop(out var item))
        {
            if (s_frozen.TryGetValue(item, out _))
            {
                continue;
            }
            s_frozen.AddOrUpdate(item, owner);
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
