namespace Breezeblock;

/// <summary>What a result's plain data is for (see <see cref="ConfigResult.Get(string, PlainDataStyle)"/>).</summary>
public enum PlainDataStyle
{
    /// <summary>
    /// As JSON and YAML output show it: host objects' properties by their Python names
    /// (<c>replica_count</c>), and a part plain data cannot hold (a function) is an error.
    /// </summary>
    Output,

    /// <summary>
    /// For .NET binders (IConfiguration, options): host objects' properties by their C# names
    /// (<c>ReplicaCount</c>), and what plain data cannot hold (functions, delegates) is left out.
    /// </summary>
    Binding,
}
