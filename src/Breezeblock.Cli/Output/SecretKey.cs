using System.Security.Cryptography;
using System.Text;

namespace Breezeblock.Cli;

/// <summary>
/// The key under which output hashes secrets (<c>(secret 0123456789abcdef)</c>), so that <c>plan</c>
/// can tell an output's secret changed without either value: <c>BREEZEBLOCK_SECRET_KEY</c> when set
/// (give CI the same one as whoever wrote the output compared against), else a random key made once
/// per user in <c>$XDG_CONFIG_HOME/breezeblock/secret-key</c> (<c>~/.config/…</c>), readable by its owner only.
/// </summary>
internal static class SecretKey
{
    public const string Variable = "BREEZEBLOCK_SECRET_KEY";

    /// <exception cref="CommandException">The key file cannot be read or made.</exception>
    public static SecretOutput Output()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text)
        {
            return SecretOutput.Hashed(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }
        var path = FilePath();
        try
        {
            return SecretOutput.Hashed(Read(path) ?? Create(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException(CliMessages.SecretKeyUnusable(path, FileErrors.Reason(e)));
        }
    }

    private static string FilePath()
    {
        var root = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }
        return Path.Combine(root, "breezeblock", "secret-key");
    }

    private static byte[]? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        var key = File.ReadAllBytes(path);
        return key.Length >= 16 ? key : throw new IOException(CliMessages.SecretKeyTooShort);
    }

    // Written whole under a temporary name, then moved: a concurrent run reads a complete key, and the first to move wins.
    private static byte[] Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(key);
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return Read(path)!;
        }
    }
}
