using System.Collections;

namespace Breezeblock;

/// <summary>
/// <c>==</c> for host objects: by the type's own <c>Equals</c> where it overrides it (records
/// aside, whose generated equality compares lists by reference), else by what its JSON converter
/// writes when it has one (its properties may not hold its state), else equal when every property is
/// equal, comparing lists, dicts and nested host objects by value.
/// </summary>
internal static class HostEquality
{
    public static bool AreEqual(object? a, object? b) => AreEqual(a, b, 0);

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "A host object exists only when its type was registered, through APIs that require reflection.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "A host object exists only when its type was registered, through APIs that require reflection.")]
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
        if (HostTypes.TryGetClass(a.GetType()) is { OverridesEquals: false } written && HostJsonContract.Of(written).WritesItself)
        {
            return AreEqual(HostJsonContract.Of(written).Render(a), HostJsonContract.Of(written).Render(b), depth + 1); // what it is, as its converter says
        }
        if (HostTypes.TryGetClass(a.GetType()) is { OverridesEquals: false } model)
        {
            return model.Properties.All(p => AreEqual(p.Property.GetValue(a), p.Property.GetValue(b), depth + 1));
        }
        return a.Equals(b); // values, and the library's own equality (ResourceQuantity compares amounts)
    }
}
