namespace Breezeblock;

/// <summary>The Python source files compiled into this assembly (the engine's side inside the interpreter).</summary>
internal static class EmbeddedPython
{
    /// <summary>The text of an embedded .py file, by its path in the project (<c>Loading/folder_loader.py</c>).</summary>
    public static string Read(string path)
    {
        using var stream = typeof(EmbeddedPython).Assembly.GetManifestResourceStream(path)
            ?? throw new InvalidOperationException($"the engine's embedded {path} is missing from {typeof(EmbeddedPython).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
