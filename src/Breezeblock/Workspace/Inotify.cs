using System.Runtime.InteropServices;

namespace Breezeblock;

/// <summary>
/// The Linux calls a folder's change feed is made of (inotify(7), eventfd(2), poll(2)). Each returns
/// -1 on failure, as libc does; the descriptors are the caller's to close.
/// </summary>
internal static partial class Inotify
{
    public const uint Modify = 0x2, Attributes = 0x4, MovedFrom = 0x40, MovedTo = 0x80, Create = 0x100, Delete = 0x200;
    public const uint DeleteSelf = 0x400, MoveSelf = 0x800, Overflow = 0x4000, Ignored = 0x8000;
    public const uint OnlyDirectory = 0x0100_0000, DoNotFollow = 0x0200_0000, IsDirectory = 0x4000_0000;

    /// <summary>What a watched directory reports: its entries' content, names and metadata, and itself going away.</summary>
    public const uint Changes = Modify | Attributes | MovedFrom | MovedTo | Create | Delete | DeleteSelf | MoveSelf | OnlyDirectory;

    private const int NonBlocking = 0x800, CloseOnExec = 0x80000;
    public const short Readable = 0x1;
    public const int Interrupted = 4;

    /// <summary>A new inotify instance that reads without blocking and is not inherited by child processes.</summary>
    public static int Open() => InotifyInit1(NonBlocking | CloseOnExec);

    /// <summary>An event counter the watching thread polls beside its inotify instance, to be woken to stop.</summary>
    public static int OpenWakeup() => EventFd(0, NonBlocking | CloseOnExec);

    [LibraryImport("libc", EntryPoint = "inotify_init1", SetLastError = true)]
    private static partial int InotifyInit1(int flags);

    [LibraryImport("libc", EntryPoint = "inotify_add_watch", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int AddWatch(int inotify, string path, uint mask);

    [LibraryImport("libc", EntryPoint = "inotify_rm_watch", SetLastError = true)]
    public static partial int RemoveWatch(int inotify, int watch);

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    private static partial int EventFd(uint initial, int flags);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static unsafe partial int Poll(PollDescriptor* descriptors, nuint count, int timeout);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static unsafe partial nint Read(int descriptor, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int descriptor, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int descriptor);

    /// <summary><c>struct pollfd</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }
}
