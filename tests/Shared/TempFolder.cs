namespace Breezeblock.Testing;

/// <summary>A temporary folder of files a test writes (config folders, outputs), deleted with it.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(params (string Path, string Text)[] files)
    {
        Path = Directory.CreateTempSubdirectory("breezeblock-test-").FullName;
        foreach (var (path, text) in files)
        {
            Write(path, text);
        }
    }

    public string Path { get; }

    /// <summary>Writes a file in place (its folders made as needed).</summary>
    public void Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Writes a file the way editors save: a new file renamed over the old one.</summary>
    public void Save(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var temporary = full + ".saving";
        File.WriteAllText(temporary, text);
        File.Move(temporary, full, overwrite: true);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
