using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Breezeblock;

/// <summary>
/// The worker's end of its channel: the host talks to it over its stdin and stdout. Those
/// descriptors are moved aside before any config code runs, stdin becomes /dev/null and stdout
/// points at stderr, so config code that reads standard input or writes to descriptor 1 (a child
/// process, <c>os.write(1, ...)</c>) cannot reach or corrupt the channel by accident.
/// </summary>
internal static partial class WorkerStreams
{
    public static (Stream Input, Stream Output) TakeChannel()
    {
        var input = Dup(0);
        var output = Dup(1);
        if (input < 0 || output < 0)
        {
            throw new InvalidOperationException($"the worker cannot set up its channel (dup failed, errno {Marshal.GetLastPInvokeError()})");
        }
        var devNull = Open("/dev/null", 0);
        if (devNull >= 0)
        {
            Dup2(devNull, 0);
            Close(devNull);
        }
        Dup2(2, 1);
        return (
            new FileStream(new SafeFileHandle(input, ownsHandle: true), FileAccess.Read, bufferSize: 64 * 1024),
            new FileStream(new SafeFileHandle(output, ownsHandle: true), FileAccess.Write, bufferSize: 64 * 1024));
    }

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static partial int Dup(int descriptor);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2(int descriptor, int target);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);
}
