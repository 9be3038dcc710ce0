namespace Breezeblock.Testing;

/// <summary>
/// Compares an assembly's public API (as PublicApiGenerator writes it) with the approved file beside
/// the tests, so that changing it takes a deliberate edit; on a difference the new surface is written
/// next to it as .received.txt (move it over the approved file when the change is intended).
/// </summary>
internal static class ApiSnapshot
{
    public static void Verify(string api, string folder, string assemblyName)
    {
        var approved = Path.Combine(folder, $"{assemblyName}.approved.txt");
        var received = Path.Combine(folder, $"{assemblyName}.received.txt");
        var expected = File.Exists(approved) ? File.ReadAllText(approved) : "";
        if (expected != api)
        {
            File.WriteAllText(received, api);
        }
        else if (File.Exists(received))
        {
            File.Delete(received);
        }
        Assert.True(expected == api, $"the public API of {assemblyName} changed; if that is intended, replace {approved} with {received}");
    }

    /// <summary>Attributes left out of snapshots: they change with the build, not the API.</summary>
    public static readonly string[] IgnoredAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"];
}
