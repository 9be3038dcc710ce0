namespace Breezeblock.Cli.Tests;

/// <summary>A temporary config folder.</summary>
internal sealed class TempConfigs : IDisposable
{
    public TempConfigs(params (string Path, string Source)[] files)
    {
        Path = Directory.CreateTempSubdirectory("breezeblock-cli-").FullName;
        foreach (var (path, source) in files)
        {
            File.WriteAllText(System.IO.Path.Combine(Path, path), source);
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
