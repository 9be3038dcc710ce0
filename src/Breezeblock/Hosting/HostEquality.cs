using System.Collections;

namespace Breezeblock;

/// <summary><c>==</c> for host objects: equal when every property is equal, comparing lists, dicts and nested host objects by value.</summary>
internal static class HostEquality
{
    public static bool AreEqual(object? a, object? b) => AreEqual(a, b, 0);

    private static bool AreEqual(object? a, object? b, int depth)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        if (a is null || b is null || depth > 100)
        {
            return false;
        }
        switch (a)
        {
            case string or Delegate:
                return a.Equals(b);
            case IDictionary left when b is IDictionary right:
                return left.Count == right.Count && left.Keys.Cast<object>().All(k => right.Contains(k) && AreEqual(left[k], right[k], depth + 1));
            case IEnumerable left when b is IEnumerable right:
                var l = left.Cast<object?>().ToList();
                var r = right.Cast<object?>().ToList();
                return l.Count == r.Count && l.Zip(r).All(pair => AreEqual(pair.First, pair.Second, depth + 1));
        }
        if (a.GetType() != b.GetType())
        {
            return false;
        }
        if (HostTypes.TryGetClass(a.GetType()) is { } model)
        {
            return model.Properties.All(p => AreEqual(p.Property.GetValue(a), p.Property.GetValue(b), depth + 1));
        }
        return a.Equals(b);
    }
}
