using System.Runtime.InteropServices;
using System.Text;

namespace Breezeblock;

/// <summary>
/// A directory's change feed on Linux, read from inotify by a thread of its own that polls the
/// inotify instance beside an eventfd: disposing signals the eventfd, waits for the thread to end,
/// and the thread closes both descriptors on its way out, so nothing outlives the feed whatever
/// happened to the directory (FileSystemWatcher's thread instead waits in read(2) for an event that
/// never comes once its directory is deleted). The directory itself may be a symbolic link (it is
/// followed); links under it are not. Subdirectories are watched as they appear and forgotten as
/// they go; an overflow of the kernel's queue, or the directory no longer being watched, is reported
/// as lost.
/// </summary>
internal sealed unsafe class InotifyFeed : ChangeFeed
{
    private const int BufferSize = 64 * 1024;
    private const int EventHeader = 16; // struct inotify_event { int wd; uint32 mask, cookie, len; char name[len]; }
    private const int NoSuchFile = 2, NotADirectory = 20, TooManyFiles = 24, NoSpace = 28;
    private const string Cache = "__pycache__";

    private static readonly EnumerationOptions s_subdirectories = new()
    {
        AttributesToSkip = FileAttributes.ReparsePoint, // links under the directory are not followed, as inotify does not
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
    };

    private readonly string _root;
    private readonly bool _recursive;
    private readonly Action<string> _changed;
    private readonly Action _lost;
    private readonly Dictionary<int, string> _directories = []; // watch → the directory it watches; the feed's thread owns it once started
    private readonly Lock _lock = new();
    private readonly Thread _thread;
    private int _inotify;
    private int _wakeup;
    private int _rootWatch;
    private bool _stopping;

    /// <inheritdoc cref="ChangeFeed.Start"/>
    public InotifyFeed(string directory, bool recursive, Action<string> changed, Action lost)
    {
        _root = directory;
        _recursive = recursive;
        _changed = changed;
        _lost = lost;
        _inotify = Inotify.Open();
        if (_inotify < 0)
        {
            throw Refused(directory, Marshal.GetLastPInvokeError());
        }
        _wakeup = Inotify.OpenWakeup();
        var error = _wakeup < 0 ? Marshal.GetLastPInvokeError() : 0;
        _rootWatch = error == 0 ? Inotify.AddWatch(_inotify, directory, Inotify.Changes) : -1;
        if (error == 0 && _rootWatch < 0)
        {
            error = Marshal.GetLastPInvokeError();
            error = error is NoSuchFile or NotADirectory ? 0 : error; // gone since it was looked for: reported as lost
        }
        if (error == 0 && _rootWatch >= 0)
        {
            _directories[_rootWatch] = directory;
            error = _recursive ? WatchSubdirectories(directory) : 0;
        }
        if (error != 0)
        {
            CloseDescriptors();
            throw Refused(directory, error);
        }
        _thread = new Thread(Run) { IsBackground = true, Name = ThreadName };
        _thread.Start();
    }

    /// <summary>The name of each feed's thread (Linux shows threads' first 15 characters).</summary>
    public const string ThreadName = "Folder watcher";

    private void Run()
    {
        try
        {
            if (_rootWatch < 0)
            {
                _lost();
            }
            var buffer = new byte[BufferSize];
            var descriptors = stackalloc Inotify.PollDescriptor[2];
            while (!Volatile.Read(ref _stopping))
            {
                descriptors[0] = new Inotify.PollDescriptor { Descriptor = _inotify, Events = Inotify.Readable };
                descriptors[1] = new Inotify.PollDescriptor { Descriptor = _wakeup, Events = Inotify.Readable };
                if (Inotify.Poll(descriptors, 2, -1) < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Inotify.Interrupted)
                    {
                        continue;
                    }
                    _lost(); // cannot happen with valid descriptors; the watcher starts a new feed
                    return;
                }
                if (descriptors[1].ReturnedEvents != 0)
                {
                    return;
                }
                if (descriptors[0].ReturnedEvents != 0)
                {
                    ReadEvents(buffer);
                }
            }
        }
        finally
        {
            CloseDescriptors();
        }
    }

    private void ReadEvents(byte[] buffer)
    {
        int length;
        fixed (byte* start = buffer)
        {
            length = (int)Inotify.Read(_inotify, start, (nuint)buffer.Length);
        }
        for (var offset = 0; offset + EventHeader <= length && !Volatile.Read(ref _stopping);)
        {
            var watch = BitConverter.ToInt32(buffer, offset);
            var mask = BitConverter.ToUInt32(buffer, offset + 4);
            var nameLength = (int)BitConverter.ToUInt32(buffer, offset + 12);
            var name = Encoding.UTF8.GetString(buffer, offset + EventHeader, nameLength).TrimEnd('\0');
            offset += EventHeader + nameLength;
            Handle(watch, mask, name);
        }
    }

    private void Handle(int watch, uint mask, string name)
    {
        if ((mask & Inotify.Overflow) != 0)
        {
            _lost();
            return;
        }
        if (!_directories.TryGetValue(watch, out var directory))
        {
            return; // a watch already forgotten
        }
        if ((mask & Inotify.Ignored) != 0)
        {
            _directories.Remove(watch);
            if (watch == _rootWatch)
            {
                _rootWatch = -1;
                _lost();
            }
            return;
        }
        var path = name.Length == 0 ? directory : Path.Join(directory, name);
        if ((mask & Inotify.IsDirectory) != 0 && name.Length > 0)
        {
            if (_recursive && (mask & (Inotify.Create | Inotify.MovedTo)) != 0 && name != Cache)
            {
                WatchTree(path);
            }
            else if ((mask & Inotify.MovedFrom) != 0)
            {
                ForgetTree(path); // moved out: its watches would report from outside, under a stale path
            }
        }
        _changed(path);
    }

    private int WatchTree(string directory)
    {
        var watch = Inotify.AddWatch(_inotify, directory, Inotify.Changes | Inotify.DoNotFollow);
        if (watch < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error == NoSpace ? error : 0; // gone again, or unreadable: nothing to watch there
        }
        _directories[watch] = directory;
        return WatchSubdirectories(directory);
    }

    private int WatchSubdirectories(string directory)
    {
        IEnumerable<string> subdirectories;
        try
        {
            subdirectories = Directory.EnumerateDirectories(directory, "*", s_subdirectories).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0; // deleted while listed: its own events say so
        }
        foreach (var subdirectory in subdirectories)
        {
            if (Path.GetFileName(subdirectory) != Cache && WatchTree(subdirectory) is var error and not 0)
            {
                return error;
            }
        }
        return 0;
    }

    private void ForgetTree(string directory)
    {
        var under = directory + Path.DirectorySeparatorChar;
        foreach (var (watch, path) in _directories.Where(d => d.Value == directory || d.Value.StartsWith(under, StringComparison.Ordinal)).ToList())
        {
            _directories.Remove(watch);
            Inotify.RemoveWatch(_inotify, watch);
        }
    }

    private static IOException Refused(string directory, int error) => new(Messages.CannotWatch(directory, error switch
    {
        TooManyFiles => Messages.InotifyInstancesExhausted,
        NoSpace => Messages.InotifyWatchesExhausted,
        _ => Marshal.GetPInvokeErrorMessage(error),
    }));

    private void CloseDescriptors()
    {
        lock (_lock)
        {
            if (_inotify >= 0)
            {
                Inotify.Close(_inotify); // removes every watch with it
                _inotify = -1;
            }
            if (_wakeup >= 0)
            {
                Inotify.Close(_wakeup);
                _wakeup = -1;
            }
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        lock (_lock)
        {
            if (!_stopping && _wakeup >= 0)
            {
                ulong one = 1;
                Inotify.Write(_wakeup, (byte*)&one, sizeof(ulong));
            }
            _stopping = true;
        }
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join(); // it closes the descriptors as it ends; every caller waits for that
        }
    }
}
