using System.Runtime.InteropServices;

namespace Breezeblock;

/// <summary>
/// The libc calls that move standard streams between file descriptors: the isolated worker keeps its
/// channel on the descriptors it was started with, and the command keeps stdout for its result.
/// Linux and macOS. Each returns -1 on failure, as libc does.
/// </summary>
internal static partial class FileDescriptors
{
    public const int StandardInput = 0;
    public const int StandardOutput = 1;
    public const int StandardError = 2;

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    public static partial int Dup(int descriptor);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    public static partial int Dup2(int descriptor, int target);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int descriptor);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int descriptor, byte* buffer, nuint count);
}
