using PublicApiGenerator;

namespace Breezeblock.Tests;

/// <summary>
/// Snapshots the public API of the library assemblies, so that changing it takes a deliberate edit of
/// the approved file. On a difference the test writes the new surface next to it as .received.txt.
/// </summary>
public sealed class PublicApiTests
{
    [Theory]
    [InlineData("Breezeblock.Engine")]
    [InlineData("Breezeblock.Python")]
    public void The_public_api_is_the_approved_one(string assemblyName)
    {
        var assembly = assemblyName == "Breezeblock.Engine" ? typeof(ConfigEngine).Assembly : typeof(Python.PythonRuntime).Assembly;
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"] });
        var folder = Path.Combine(EngineFixture.RepositoryRoot, "tests", "Breezeblock.Tests", "PublicApi");
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
}
