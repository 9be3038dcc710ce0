using System.Text;

namespace Breezeblock.Cli;

/// <summary>
/// Keeps stdout for the result alone. Config code can write to file descriptor 1 without Python's
/// <c>sys.stdout</c> (<c>os.write(1, ...)</c>, a child process, a C extension), which would corrupt
/// the JSON a script reads. So the command duplicates the real stdout for itself, points descriptor
/// 1 at stderr for everyone else, and writes results to the duplicate.
/// </summary>
internal static class StandardOutput
{
    private const int Out = FileDescriptors.StandardOutput;
    private const int Error = FileDescriptors.StandardError;

    /// <summary>A writer to the real stdout; from now on, anything else writing to descriptor 1 reaches stderr.</summary>
    public static TextWriter Reserve()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return Console.Out;
        }
        Console.Out.Flush();
        var saved = FileDescriptors.Dup(Out);
        if (saved < 0)
        {
            return Console.Out;
        }
        if (FileDescriptors.Dup2(Error, Out) < 0)
        {
            FileDescriptors.Close(saved);
            return Console.Out;
        }
        var stream = new DescriptorStream(saved); // write(2): the shared offset moves, unlike FileStream's pwrite
        return new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024) { AutoFlush = false };
    }
}
