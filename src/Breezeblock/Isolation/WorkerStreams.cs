using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Breezeblock;

/// <summary>
/// The worker's end of its channel: the host talks to it over its stdin and stdout. Those
/// descriptors are moved aside before any config code runs, stdin becomes /dev/null and stdout
/// points at stderr, so config code that reads standard input or writes to descriptor 1 (a child
/// process, <c>os.write(1, ...)</c>) cannot reach or corrupt the channel by accident.
/// </summary>
internal static class WorkerStreams
{
    public static (Stream Input, Stream Output) TakeChannel()
    {
        var input = FileDescriptors.Dup(0);
        var output = FileDescriptors.Dup(1);
        if (input < 0 || output < 0)
        {
            throw new InvalidOperationException($"the worker cannot set up its channel (dup failed, errno {Marshal.GetLastPInvokeError()})");
        }
        var devNull = FileDescriptors.Open("/dev/null", 0);
        if (devNull >= 0)
        {
            FileDescriptors.Dup2(devNull, 0);
            FileDescriptors.Close(devNull);
        }
        FileDescriptors.Dup2(2, 1);
        return (
            new FileStream(new SafeFileHandle(input, ownsHandle: true), FileAccess.Read, bufferSize: 64 * 1024),
            new FileStream(new SafeFileHandle(output, ownsHandle: true), FileAccess.Write, bufferSize: 64 * 1024));
    }
}
