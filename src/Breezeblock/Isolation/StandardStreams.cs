namespace Breezeblock;

/// <summary>
/// Standard output kept for a host's own results. Config code can write to file descriptor 1 without
/// Python's <c>sys.stdout</c> (<c>os.write(1, ...)</c>, a child process, a C extension), which would
/// corrupt what a host prints for a script to read (JSON, YAML). A host that prints its results
/// reserves standard output before evaluating: descriptor 1 then points at standard error for
/// everyone else, and only the stream returned reaches the real standard output.
/// </summary>
public static class StandardStreams
{
    /// <summary>
    /// A stream to the real standard output, written with <c>write(2)</c> so the descriptor's offset
    /// moves as a shell expects; from now on, anything else writing to descriptor 1 reaches standard
    /// error. Linux and macOS; elsewhere, or when the descriptors cannot be moved, the process's
    /// standard output as it is (<see cref="Console.OpenStandardOutput()"/>).
    /// </summary>
    public static Stream ReserveOutput()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return Console.OpenStandardOutput();
        }
        Console.Out.Flush();
        var saved = FileDescriptors.Dup(FileDescriptors.StandardOutput);
        if (saved < 0)
        {
            return Console.OpenStandardOutput();
        }
        if (FileDescriptors.Dup2(FileDescriptors.StandardError, FileDescriptors.StandardOutput) < 0)
        {
            FileDescriptors.Close(saved);
            return Console.OpenStandardOutput();
        }
        return new DescriptorStream(saved);
    }
}
