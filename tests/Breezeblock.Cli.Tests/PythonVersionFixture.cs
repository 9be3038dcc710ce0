using Breezeblock.Python;

[assembly: AssemblyFixture(typeof(Breezeblock.Cli.Tests.PythonVersionFixture))]

namespace Breezeblock.Cli.Tests;

/// <summary>Starts Python once for the in-process CLI runs and checks it is the version a smoke run asked for.</summary>
public sealed class PythonVersionFixture
{
    public PythonVersionFixture()
    {
        var runtime = PythonRuntime.Initialize(new PythonOptions { HashSeed = 0 }); // as the command starts it
        var expected = Environment.GetEnvironmentVariable("BREEZEBLOCK_EXPECT_VERSION");
        if (!string.IsNullOrEmpty(expected) && $"{runtime.Version.Major}.{runtime.Version.Minor}" != expected)
        {
            throw new InvalidOperationException($"expected Python {expected}, but {runtime.Installation} was started");
        }
    }
}
