namespace Breezeblock;

/// <summary>
/// The name a host type, property, enum member or parameter has in Python, instead of the derived
/// one (<c>ReplicaCount</c> → <c>replica_count</c>, <c>Tier.Gold</c> → <c>Tier.GOLD</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class PythonNameAttribute(string name) : Attribute
{
    /// <summary>The Python name.</summary>
    public string Name { get; } = name;
}
