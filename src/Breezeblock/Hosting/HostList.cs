using System.Collections;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// A host object's list as Python sees it: a live view, so <c>svc.ports.append(Port(number=80))</c>
/// adds to the C# list. Items are converted as the list's element type says; a frozen list refuses
/// changes; a fixed-size array refuses to grow.
/// </summary>
internal sealed class HostList(IList items, Converter element)
{
    public IList Items { get; } = items;

    public static PyClassDefinition Definition()
    {
        var definition = new PyClassDefinition("HostList", typeof(HostList))
        {
            Module = BreezeblockModule.Name,
            Doc = "A live view of a .NET list inside a host object.",
            Length = t => ((HostList)t).Items.Count,
            GetItem = (t, key) => ((HostList)t).Get(key),
            SetItem = (t, key, value) => ((HostList)t).Set(key, value),
            DeleteItem = (t, key) => ((HostList)t).Delete(key),
            Contains = (t, item) => ((HostList)t).IndexOf(item) >= 0,
            Iterate = t => ((HostList)t).Python(),
            Repr = t => ((HostList)t).Repr(),
            Equality = HostEquality.AreEqual,
        };
        definition.Methods.Add(new PyClassMethod("append", (t, args) => ((HostList)t).Insert(((HostList)t).Items.Count, One(args, "append"))));
        definition.Methods.Add(new PyClassMethod("insert", (t, args) => ((HostList)t).Insert(((HostList)t).Normalize(args[0].AsInt64(), allowEnd: true), args[1])));
        definition.Methods.Add(new PyClassMethod("extend", (t, args) => ((HostList)t).Extend(One(args, "extend"))));
        definition.Methods.Add(new PyClassMethod("__iadd__", (t, args) => ((HostList)t).Extend(One(args, "+=")) ?? t));
        definition.Methods.Add(new PyClassMethod("__add__", (t, args) => ((HostList)t).Concatenate(One(args, "+"))));
        definition.Methods.Add(new PyClassMethod("pop", (t, args) => ((HostList)t).Pop(args.PositionalCount > 0 ? args[0].AsInt64() : -1)));
        definition.Methods.Add(new PyClassMethod("remove", (t, args) => ((HostList)t).Remove(One(args, "remove"))));
        definition.Methods.Add(new PyClassMethod("clear", (t, _) => ((HostList)t).Clear()));
        definition.Methods.Add(new PyClassMethod("index", (t, args) => ((HostList)t).IndexOf(One(args, "index")) is var i and >= 0 ? i : throw PythonErrorException.ValueError(Messages.NotInList(args[0].Repr()))));
        definition.Methods.Add(new PyClassMethod("count", (t, args) => ((HostList)t).Count(One(args, "count"))));
        return definition;
    }

    private static PyArgument One(PyArguments args, string method) =>
        args.PositionalCount == 1 ? args[0] : throw PythonErrorException.TypeError(Messages.ExactlyOneArgument(method, args.PositionalCount));

    private List<object?> Python() => Items.Cast<object?>().Select(element.ToPython).ToList();

    private object? Get(PyArgument key) => element.ToPython(Items[Normalize(Index(key), allowEnd: false)]);

    private void Set(PyArgument key, PyArgument value)
    {
        var index = Normalize(Index(key), allowEnd: false);
        var converted = element.FromPython(value, $"[{index}]");
        Mutate(() => Items[index] = converted);
    }

    private bool Delete(PyArgument key)
    {
        var index = Normalize(Index(key), allowEnd: false);
        Mutate(() => Items.RemoveAt(index));
        return true;
    }

    private object? Insert(int index, PyArgument value)
    {
        var converted = element.FromPython(value, $"[{index}]");
        Mutate(() => Items.Insert(index, converted));
        return null;
    }

    private object? Extend(PyArgument values)
    {
        if (!values.IsList && !values.IsTuple)
        {
            throw Converter.WrongType("extend()", "list", values);
        }
        var converted = new List<object?>();
        foreach (var value in values.Items)
        {
            converted.Add(element.FromPython(value, $"[{Items.Count + converted.Count}]"));
        }
        Mutate(() =>
        {
            foreach (var item in converted)
            {
                Items.Add(item);
            }
        });
        return null;
    }

    private List<object?> Concatenate(PyArgument values)
    {
        if (!values.IsList && !values.IsTuple)
        {
            throw Converter.WrongType("+", "list", values);
        }
        var combined = Python();
        foreach (var value in values.Items)
        {
            combined.Add(value.ToPyObject());
        }
        return combined;
    }

    private object? Pop(long index)
    {
        var position = Normalize(index, allowEnd: false);
        var item = Items[position];
        Mutate(() => Items.RemoveAt(position));
        return element.ToPython(item);
    }

    private object? Remove(PyArgument value)
    {
        var index = IndexOf(value);
        if (index < 0)
        {
            throw PythonErrorException.ValueError(Messages.RemoveNotInList);
        }
        Mutate(() => Items.RemoveAt(index));
        return null;
    }

    private object? Clear()
    {
        Mutate(Items.Clear);
        return null;
    }

    private int IndexOf(PyArgument value)
    {
        var item = value.AsManaged();
        for (var i = 0; i < Items.Count; i++)
        {
            if (HostEquality.AreEqual(Items[i], item) || Equals(Convert(Items[i]), item))
            {
                return i;
            }
        }
        return -1;
    }

    private int Count(PyArgument value)
    {
        var item = value.AsManaged();
        return Items.Cast<object?>().Count(i => HostEquality.AreEqual(i, item) || Equals(Convert(i), item));
    }

    // Small integers compare with Python ints, which arrive as long.
    private static object? Convert(object? value) => value is int or short or byte or sbyte or ushort or uint ? System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : value;

    private void Mutate(Action change)
    {
        if (FrozenObjects.FrozenMessage(Items, "list") is { } frozen)
        {
            throw PythonErrorException.AttributeError(frozen);
        }
        try
        {
            change();
        }
        catch (NotSupportedException)
        {
            throw PythonErrorException.TypeError(Messages.FixedSizeList(Items.GetType().Name));
        }
    }

    private static long Index(PyArgument key) =>
        key.IsInt ? key.AsInt64() : throw PythonErrorException.TypeError(Messages.ListIndexType(key.TypeName));

    private int Normalize(long index, bool allowEnd)
    {
        var count = Items.Count;
        var position = index < 0 ? index + count : index;
        if (allowEnd)
        {
            return (int)Math.Clamp(position, 0, count);
        }
        return position >= 0 && position < count ? (int)position : throw PythonErrorException.IndexError(Messages.ListIndexOutOfRange);
    }

    private string Repr()
    {
        using var list = PyObject.From(Python());
        return list.Repr();
    }
}
