using System.Collections;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// A host object's <c>Dictionary&lt;string, T&gt;</c> as Python sees it: a live view, so
/// <c>svc.labels["team"] = "core"</c> changes the C# dictionary.
/// </summary>
internal sealed class HostDict(IDictionary items, Converter value)
{
    public IDictionary Items { get; } = items;

    public static PyClassDefinition Definition()
    {
        var definition = new PyClassDefinition("HostDict", typeof(HostDict))
        {
            Module = BreezeblockModule.Name,
            Doc = "A live view of a .NET dictionary inside a host object.",
            Length = t => ((HostDict)t).Items.Count,
            GetItem = (t, key) => ((HostDict)t).Get(key),
            SetItem = (t, key, item) => ((HostDict)t).Set(key, item),
            DeleteItem = (t, key) => ((HostDict)t).Delete(key),
            Contains = (t, key) => key.IsStr && ((HostDict)t).Items.Contains(key.AsString()),
            Iterate = t => ((HostDict)t).Items.Keys.Cast<object?>().ToList(),
            Repr = t => ((HostDict)t).Repr(),
            Equality = HostEquality.AreEqual,
        };
        definition.Methods.Add(new PyClassMethod("keys", (t, _) => ((HostDict)t).Items.Keys.Cast<object?>().ToList()));
        definition.Methods.Add(new PyClassMethod("values", (t, _) => ((HostDict)t).Plain().Values.ToList()));
        definition.Methods.Add(new PyClassMethod("items", (t, _) => ((HostDict)t).Plain().Select(e => new object?[] { e.Key, e.Value }).ToList()));
        definition.Methods.Add(new PyClassMethod("get", (t, args) => ((HostDict)t).GetOrDefault(args)));
        definition.Methods.Add(new PyClassMethod("pop", (t, args) => ((HostDict)t).Pop(args)));
        definition.Methods.Add(new PyClassMethod("update", (t, args) => ((HostDict)t).Update(args)));
        definition.Methods.Add(new PyClassMethod("clear", (t, _) => ((HostDict)t).Mutate(() => ((HostDict)t).Items.Clear())));
        return definition;
    }

    private Dictionary<string, object?> Plain() =>
        Items.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => value.ToPython(e.Value));

    private static string Key(PyArgument key) =>
        key.IsStr ? key.AsString() : throw PythonErrorException.TypeError(Messages.KeysMustBeStr(null, key.TypeName));

    private object? Get(PyArgument key)
    {
        var name = Key(key);
        return Items.Contains(name) ? value.ToPython(Items[name]) : throw PythonErrorException.KeyError(JsonText.String(name).Replace('"', '\''));
    }

    private object? GetOrDefault(PyArguments args)
    {
        var name = Key(args[0]);
        return Items.Contains(name) ? value.ToPython(Items[name]) : args.PositionalCount > 1 ? args[1].ToPyObject() : null;
    }

    private void Set(PyArgument key, PyArgument item)
    {
        var name = Key(key);
        var converted = value.FromPython(item, $"[{JsonText.String(name)}]");
        Mutate(() => Items[name] = converted);
    }

    private bool Delete(PyArgument key)
    {
        var name = Key(key);
        if (!Items.Contains(name))
        {
            return false;
        }
        Mutate(() => Items.Remove(name));
        return true;
    }

    private object? Pop(PyArguments args)
    {
        var name = Key(args[0]);
        if (!Items.Contains(name))
        {
            return args.PositionalCount > 1 ? args[1].ToPyObject() : throw PythonErrorException.KeyError($"'{name}'");
        }
        var item = value.ToPython(Items[name]);
        Mutate(() => Items.Remove(name));
        return item;
    }

    private object? Update(PyArguments args)
    {
        var changes = new List<(string, object?)>();
        if (args.PositionalCount > 0)
        {
            if (!args[0].IsDict)
            {
                throw Converter.WrongType("update()", "dict", args[0]);
            }
            foreach (var entry in args[0].Entries)
            {
                var name = Key(entry.Key);
                changes.Add((name, value.FromPython(entry.Value, $"[{JsonText.String(name)}]")));
            }
        }
        for (var k = 0; k < args.KeywordCount; k++)
        {
            changes.Add((args.KeywordName(k), value.FromPython(args.KeywordValue(k), args.KeywordName(k))));
        }
        return Mutate(() =>
        {
            foreach (var (name, item) in changes)
            {
                Items[name] = item;
            }
        });
    }

    private object? Mutate(Action change)
    {
        if (FrozenObjects.FrozenMessage(Items, "dict") is { } frozen)
        {
            throw PythonErrorException.AttributeError(frozen);
        }
        change();
        return null;
    }

    private string Repr()
    {
        using var dict = PyObject.From(Plain());
        return dict.Repr();
    }
}
