using PublicApiGenerator;

namespace Breezeblock.Tests;

/// <summary>Snapshots the public API of the engine and the Python binding (see <see cref="ApiSnapshot"/>).</summary>
public sealed class PublicApiTests
{
    [Theory]
    [InlineData("Breezeblock.Engine")]
    [InlineData("Breezeblock.Python")]
    public void The_public_api_is_the_approved_one(string assemblyName)
    {
        var assembly = assemblyName == "Breezeblock.Engine" ? typeof(ConfigEngine).Assembly : typeof(Python.PythonRuntime).Assembly;
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ApiSnapshot.IgnoredAttributes });
        ApiSnapshot.Verify(api, Path.Combine(Repository.Root, "tests", "Breezeblock.Tests", "PublicApi"), assemblyName);
    }
}
