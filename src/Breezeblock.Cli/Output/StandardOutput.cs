using System.Runtime.InteropServices;
using System.Text;

namespace Breezeblock.Cli;

/// <summary>
/// Keeps stdout for the result alone. Config code can write to file descriptor 1 without Python's
/// <c>sys.stdout</c> (<c>os.write(1, ...)</c>, a child process, a C extension), which would corrupt
/// the JSON a script reads. So the command duplicates the real stdout for itself, points descriptor
/// 1 at stderr for everyone else, and writes results to the duplicate.
/// </summary>
internal static partial class StandardOutput
{
    private const int Out = 1;
    private const int Error = 2;

    /// <summary>A writer to the real stdout; from now on, anything else writing to descriptor 1 reaches stderr.</summary>
    public static TextWriter Reserve()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return Console.Out;
        }
        Console.Out.Flush();
        var saved = Dup(Out);
        if (saved < 0)
        {
            return Console.Out;
        }
        if (Dup2(Error, Out) < 0)
        {
            Close(saved);
            return Console.Out;
        }
        var stream = new DescriptorStream(saved); // write(2): the shared offset moves, unlike FileStream's pwrite
        return new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024) { AutoFlush = false };
    }

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static partial int Dup(int descriptor);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2(int descriptor, int target);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
