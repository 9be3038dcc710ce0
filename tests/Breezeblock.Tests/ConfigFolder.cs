namespace Breezeblock.Tests;

/// <summary>A temporary folder of config files written by a test.</summary>
public sealed class ConfigFolder : IDisposable
{
    public ConfigFolder(params (string Path, string Source)[] files)
    {
        Path = Directory.CreateTempSubdirectory("breezeblock-configs-").FullName;
        foreach (var (path, source) in files)
        {
            Write(path, source);
        }
    }

    public string Path { get; }

    public void Write(string relativePath, string source)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, source);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
