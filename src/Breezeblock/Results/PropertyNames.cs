namespace Breezeblock;

/// <summary>How a result names the properties of host objects when it gives them as plain data.</summary>
public enum PropertyNames
{
    /// <summary>As Python code sees them (<c>replica_count</c>), and as JSON and YAML output show them.</summary>
    Python,

    /// <summary>As the C# class declares them (<c>ReplicaCount</c>), for .NET binders.</summary>
    DotNet,
}
