using System.Text.Json.Nodes;

namespace Breezeblock.Cli;

/// <summary>One difference between two results, at a key path such as <c>web.ports[0].number</c>.</summary>
internal sealed record ValueChange(ChangeKind Kind, string Path, JsonNode? Old, JsonNode? New);

internal enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// The differences between two results as JSON, key path by key path: a value present on one side
/// only is added or removed whole; two objects are compared key by key, two lists item by item;
/// anything else that differs is changed, old → new.
/// </summary>
internal static class JsonDiff
{
    /// <summary>Compares two results (objects of configs by name); configs come in the new result's order, then the removed ones.</summary>
    public static List<ValueChange> Compare(JsonObject old, JsonObject current)
    {
        var changes = new List<ValueChange>();
        Objects(old, current, "", changes);
        return changes;
    }

    private static void Compare(JsonNode? old, JsonNode? current, string path, List<ValueChange> changes)
    {
        switch (old, current)
        {
            case (JsonObject a, JsonObject b):
                Objects(a, b, path, changes);
                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    var item = $"{path}[{i}]";
                    if (i >= a.Count)
                    {
                        changes.Add(new ValueChange(ChangeKind.Added, item, null, b[i]));
                    }
                    else if (i >= b.Count)
                    {
                        changes.Add(new ValueChange(ChangeKind.Removed, item, a[i], null));
                    }
                    else
                    {
                        Compare(a[i], b[i], item, changes);
                    }
                }
                break;
            default:
                if (!JsonNode.DeepEquals(old, current))
                {
                    changes.Add(new ValueChange(ChangeKind.Changed, path, old, current));
                }
                break;
        }
    }

    private static void Objects(JsonObject old, JsonObject current, string path, List<ValueChange> changes)
    {
        foreach (var (key, value) in current)
        {
            var member = Member(path, key);
            if (old.TryGetPropertyValue(key, out var before))
            {
                Compare(before, value, member, changes);
            }
            else
            {
                changes.Add(new ValueChange(ChangeKind.Added, member, null, value));
            }
        }
        foreach (var (key, value) in old)
        {
            if (!current.ContainsKey(key))
            {
                changes.Add(new ValueChange(ChangeKind.Removed, Member(path, key), value, null));
            }
        }
    }

    // web.port for names, web["a.b"] for keys that are not; a config name alone at the top.
    private static string Member(string path, string key)
    {
        var plain = key.Length > 0 && (char.IsLetter(key[0]) || key[0] == '_') && key.All(c => char.IsLetterOrDigit(c) || c is '_' or '-');
        if (path.Length == 0 && plain)
        {
            return key;
        }
        return plain ? $"{path}.{key}" : $"{path}[{JsonValue.Create(key).ToJsonString(CliJson.Options)}]";
    }
}
