namespace Breezeblock.Cli;

/// <summary>Why a file operation failed, in a few words, without the .NET wording around the system's.</summary>
internal static class FileErrors
{
    /// <summary><c>permission denied</c>, <c>no space left on device</c>, <c>its folder does not exist</c>…</summary>
    public static string Reason(Exception exception) => exception switch
    {
        UnauthorizedAccessException => CliMessages.PermissionDenied,
        DirectoryNotFoundException => CliMessages.FolderDoesNotExist,
        FileNotFoundException => CliMessages.FileDoesNotExist,
        _ => SystemText(exception.Message),
    };

    // .NET words an I/O error as "<strerror> : '<path>'": the system's words are the reason.
    private static string SystemText(string message)
    {
        var cut = message.IndexOf(" : '", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).TrimEnd('.');
        return text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }
}
