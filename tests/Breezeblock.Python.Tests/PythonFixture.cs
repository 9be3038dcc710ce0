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
        SearchPath = Directory.CreateTempSubdirectory("breezeblock-search-path-").FullName;
        File.WriteAllText(Path.Combine(SearchPath, "breezeblock_search_path_probe.py"), "WHERE = \"the fixture's search path\"\n");
        var options = new PythonOptions();
        options.ModuleSearchPaths.Add(SearchPath);
        Runtime = PythonRuntime.Initialize(options);
        var expected = Environment.GetEnvironmentVariable("BREEZEBLOCK_EXPECT_VERSION");
        if (!string.IsNullOrEmpty(expected) && $"{Runtime.Version.Major}.{Runtime.Version.Minor}" != expected)
        {
            throw new InvalidOperationException($"expected Python {expected}, but {Runtime.Installation} was started");
        }
    }

    public PythonRuntime Runtime { get; }

    /// <summary>The folder the runtime was started with in <see cref="PythonOptions.ModuleSearchPaths"/>.</summary>
    public string SearchPath { get; }
}
