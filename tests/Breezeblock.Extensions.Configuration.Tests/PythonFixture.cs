using Breezeblock.Python;

[assembly: AssemblyFixture(typeof(Breezeblock.Extensions.Configuration.Tests.PythonFixture))]

namespace Breezeblock.Extensions.Configuration.Tests;

/// <summary>Starts Python once per test run (BREEZEBLOCK_PYTHON selects it for the per-version smoke runs).</summary>
public sealed class PythonFixture
{
    public PythonFixture()
    {
        Runtime = PythonRuntime.Initialize(new PythonOptions { HashSeed = 0 }); // as engines start it
        var expected = Environment.GetEnvironmentVariable("BREEZEBLOCK_EXPECT_VERSION");
        if (!string.IsNullOrEmpty(expected) && $"{Runtime.Version.Major}.{Runtime.Version.Minor}" != expected)
        {
            throw new InvalidOperationException($"expected Python {expected}, but {Runtime.Installation} was started");
        }
    }

    public PythonRuntime Runtime { get; }
}
