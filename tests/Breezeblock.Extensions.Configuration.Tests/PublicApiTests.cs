using PublicApiGenerator;

namespace Breezeblock.Extensions.Configuration.Tests;

/// <summary>Snapshots the configuration package's public API, as the engine's and the binding's are (see <see cref="ApiSnapshot"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_is_the_approved_one()
    {
        var assembly = typeof(PythonConfigurationSource).Assembly;
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ApiSnapshot.IgnoredAttributes,
            // The extension methods live in Microsoft.Extensions.*, which the generator leaves out unless allowed.
            AllowNamespacePrefixes = ["Microsoft.Extensions"],
        });
        ApiSnapshot.Verify(api, Path.Combine(Repository.Root, "tests", "Breezeblock.Extensions.Configuration.Tests", "PublicApi"), assembly.GetName().Name!);
    }
}
