namespace Breezeblock.Cli;

/// <summary>
/// Writes a file whole or not at all: the text goes to a temporary file beside it, which then
/// replaces it in one rename, so a reader (or a crash) never sees half of it. A file that already
/// holds the text is left alone, so its time stamp only changes when its content does.
/// </summary>
internal static class AtomicFile
{
    /// <summary>True when the file was written, false when it already held <paramref name="text"/>.</summary>
    /// <exception cref="CommandException">The file cannot be written: the message names it (never the temporary file) and says why.</exception>
    public static bool Write(string path, string text)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new CommandException(CliMessages.OutputIsAFolder(path));
        }
        if (File.Exists(full) && ReadOrNull(full) == text)
        {
            return false;
        }
        var folder = Path.GetDirectoryName(full)!;
        if (File.Exists(folder))
        {
            throw new CommandException(CliMessages.CannotWrite(path, CliMessages.ParentIsAFile(folder)));
        }
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(temporary, text);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new CommandException(CliMessages.CannotWrite(path, FileErrors.Reason(e)));
        }
        return true;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // it was never made, or cannot be removed either: nothing more to do
        }
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
