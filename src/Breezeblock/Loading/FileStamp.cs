using System.Runtime.InteropServices;

namespace Breezeblock;

/// <summary>
/// What the file system says about a file without reading it: its inode, size, and the times its
/// content (mtime) and its inode (ctime) last changed, to the nanosecond. The kernel sets ctime on
/// every write, rename and chmod, and no tool can set it back, so a file whose stamp is unchanged
/// has the content it had: listing a folder again reads none of its unchanged files.
/// </summary>
internal readonly partial record struct FileStamp(ulong Inode, long Size, long ContentChanged, long InodeChanged)
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxBasicStats = 0x7ff;
    private const uint Needed = 0x40 /* mtime */ | 0x80 /* ctime */ | 0x100 /* ino */ | 0x200 /* size */;
    private static bool s_unavailable = !OperatingSystem.IsLinux();

    /// <summary>The file's stamp, or null when it cannot be told (not Linux, or the call failed): then the file is read to know.</summary>
    public static unsafe FileStamp? Of(string path)
    {
        if (s_unavailable)
        {
            return null;
        }
        var buffer = stackalloc byte[256]; // struct statx: the same layout on every architecture
        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxBasicStats, buffer) != 0 || (*(uint*)buffer & Needed) != Needed)
            {
                return null;
            }
        }
        catch (EntryPointNotFoundException)
        {
            s_unavailable = true; // a libc older than 2.28
            return null;
        }
        return new FileStamp(*(ulong*)(buffer + 32), *(long*)(buffer + 40), Time(buffer + 112), Time(buffer + 96));
    }

    // struct statx_timestamp { __s64 tv_sec; __u32 tv_nsec; __s32 __reserved; }
    private static unsafe long Time(byte* timestamp) => *(long*)timestamp * 1_000_000_000L + *(uint*)(timestamp + 8);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);
}
