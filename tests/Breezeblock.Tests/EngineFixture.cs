using Breezeblock.Python;

[assembly: AssemblyFixture(typeof(Breezeblock.Tests.EngineFixture))]

namespace Breezeblock.Tests;

/// <summary>
/// Starts Python once per test run (BREEZEBLOCK_PYTHON selects it for the per-version smoke runs),
/// with a fixed hash seed, and gives tests engines that cache bytecode in a folder of their own.
/// </summary>
public sealed class EngineFixture : IDisposable
{
    public EngineFixture()
    {
        // Fixed, as engines start it (and so hermetic engines can run here too); RandomSeedTests runs a copy of this process with Python's random seed.
        Runtime = PythonRuntime.Initialize(new PythonOptions { HashSeed = RandomSeedTests.InChild ? null : 0 });
        var expected = Environment.GetEnvironmentVariable("BREEZEBLOCK_EXPECT_VERSION");
        if (!string.IsNullOrEmpty(expected) && $"{Runtime.Version.Major}.{Runtime.Version.Minor}" != expected)
        {
            throw new InvalidOperationException($"expected Python {expected}, but {Runtime.Installation} was started");
        }
        CacheDirectory = Directory.CreateTempSubdirectory("breezeblock-test-cache-").FullName;
    }

    public PythonRuntime Runtime { get; }

    public string CacheDirectory { get; }

    public static string RepositoryRoot => Repository.Root;

    public ConfigOptions Options(IDictionary<string, object?>? inputs = null)
    {
        var options = new ConfigOptions { BytecodeCacheDirectory = CacheDirectory };
        foreach (var (name, value) in inputs ?? new Dictionary<string, object?>())
        {
            options.Inputs[name] = value;
        }
        return options;
    }

    public ConfigEngine Engine(IDictionary<string, object?>? inputs = null) => new(Options(inputs));

    public void Dispose() => Directory.Delete(CacheDirectory, recursive: true);
}
