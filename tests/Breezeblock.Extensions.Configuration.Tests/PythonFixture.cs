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

/// <summary>A temporary folder of files written by a test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(params (string Path, string Text)[] files)
    {
        Path = Directory.CreateTempSubdirectory("breezeblock-configuration-").FullName;
        foreach (var (path, text) in files)
        {
            Write(path, text);
        }
    }

    public string Path { get; }

    /// <summary>Writes a file the way editors save: a new file renamed over the old one.</summary>
    public void Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var temporary = full + ".saving";
        File.WriteAllText(temporary, text);
        File.Move(temporary, full, overwrite: true);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
