using Breezeblock.Python;

[assembly: AssemblyFixture(typeof(Breezeblock.Python.Tests.PythonFixture))]

namespace Breezeblock.Python.Tests;

/// <summary>
/// Starts Python once for the whole test run (CPython can start only once per process). Which Python
/// is chosen by the locator, so BREEZEBLOCK_PYTHON selects it for the per-version smoke runs.
/// </summary>
public sealed class PythonFixture
{
    public PythonFixture()
    {
        Runtime = PythonRuntime.Initialize();
        var expected = Environment.GetEnvironmentVariable("BREEZEBLOCK_EXPECT_VERSION");
        if (!string.IsNullOrEmpty(expected) && $"{Runtime.Version.Major}.{Runtime.Version.Minor}" != expected)
        {
            throw new InvalidOperationException($"expected Python {expected}, but {Runtime.Installation} was started");
        }
    }

    public PythonRuntime Runtime { get; }
}
