namespace Breezeblock;

/// <summary>What kind of module a path is.</summary>
internal enum ModuleKind
{
    /// <summary>A .py file.</summary>
    Module,

    /// <summary>A folder with __init__.py (the module is that file).</summary>
    Package,

    /// <summary>A folder without __init__.py.</summary>
    Namespace,
}

/// <summary>A module of the config folder.</summary>
/// <param name="Name">The import name: the relative path with dots (<c>more/extra.py</c> → <c>more.extra</c>).</param>
/// <param name="Path">The absolute path of the file (the folder, for a namespace package).</param>
/// <param name="RelativePath">The path relative to the config folder, with forward slashes.</param>
/// <param name="Kind">Module, package or namespace package.</param>
/// <param name="Hash">A hash of the file's bytes (XxHash128); <see cref="Unread"/> for a file not read yet; null for a namespace package or an unreadable file.</param>
/// <param name="Stamp">What the file system said of the file when it was listed, when it could say.</param>
internal sealed record SourceModule(string Name, string Path, string RelativePath, ModuleKind Kind, string? Hash = null, FileStamp? Stamp = null)
{
    /// <summary>The hash of a file listed but not read yet: a new module, read once, when it executes.</summary>
    public const string Unread = "unread";

    /// <summary>True when <paramref name="other"/> is this module with the same content (whatever the stamps say).</summary>
    public bool SameContent(SourceModule other) =>
        Name == other.Name && Path == other.Path && Kind == other.Kind && Hash == other.Hash && Hash != Unread;

    /// <summary>The folder a package's submodules are found in.</summary>
    public string Directory => Kind == ModuleKind.Namespace ? Path : System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The first segment of the name, which must not collide with installed modules.</summary>
    public string TopLevelName => Name.Split('.')[0];
}

/// <summary>
/// The .py files of a config folder: every file, recursively, in sorted order, skipping
/// <c>__pycache__</c> and folders and files whose names start with a dot. Each file is read at most
/// once per listing: listing only stamps it (<see cref="FileStamp"/>); a file whose stamp is what the
/// previous listing saw keeps that listing's hash unread; one whose stamp changed is read and hashed,
/// and its bytes kept for executing when its content changed; a new file is read when it executes.
/// The folder's text is never held whole. A file saved between reading and executing executes as it
/// is then, and is remembered as it executed.
/// </summary>
internal sealed class SourceFolder
{
    private readonly Dictionary<string, SourceModule> _byName;
    private readonly Dictionary<string, byte[]> _readForExecution = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _executedHash = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, byte[]> _unsaved = NoUnsaved;

    private static readonly IReadOnlyDictionary<string, byte[]> NoUnsaved = new Dictionary<string, byte[]>();

    private SourceFolder(string root, string displayPath, IReadOnlyList<SourceModule> files, IReadOnlyList<SourceModule> namespaces, IReadOnlyList<ConfigError> readErrors)
    {
        Root = root;
        DisplayPath = displayPath;
        Files = files;
        Namespaces = namespaces;
        ReadErrors = readErrors;
        _byName = files.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The largest file read as a config module (<see cref="ConfigLimits.MaxFileBytes"/>); a larger one is an error, not a wait or an out-of-memory.</summary>
    public long MaxFileBytes { get; private init; } = ConfigLimits.DefaultMaxFileBytes;

    /// <summary>The folder's absolute path, without a trailing separator.</summary>
    public string Root { get; }

    /// <summary>The folder as the application named it, for messages.</summary>
    public string DisplayPath { get; }

    /// <summary>Modules and packages backed by files, in sorted order of their relative paths.</summary>
    public IReadOnlyList<SourceModule> Files { get; }

    /// <summary>Folders without __init__.py that contain modules.</summary>
    public IReadOnlyList<SourceModule> Namespaces { get; }

    /// <summary>Files that were listed but could not be read.</summary>
    public IReadOnlyList<ConfigError> ReadErrors { get; }

    /// <summary>Every module: files, then namespace packages.</summary>
    public IEnumerable<SourceModule> Modules => Files.Concat(Namespaces);

    /// <summary>How many files this listing read (to hash what changed, or to execute).</summary>
    public int FilesRead { get; private set; }

    /// <summary>
    /// A file module's bytes to execute and the bytecode cache's key for them: those read when listed,
    /// or read now into <paramref name="buffer"/> (grown as needed, so one buffer serves a whole load).
    /// Null when the file can no longer be read: the loader then reads it and reports why not.
    /// </summary>
    public (ReadOnlyMemory<byte> Bytes, string CacheKey)? ReadToExecute(string module, ref byte[] buffer)
    {
        if (!_byName.TryGetValue(module, out var source) || source.Hash is null)
        {
            return null;
        }
        if (_readForExecution.Remove(module, out var listed))
        {
            return (listed, CacheKey(source.Hash, source.Path));
        }
        if (_unsaved.TryGetValue(source.Path, out var text))
        {
            var hash = ContentHash(text);
            _executedHash[module] = hash;
            return (text, CacheKey(hash, source.Path));
        }
        try
        {
            var bytes = Read(source.Path, ref buffer, MaxFileBytes);
            FilesRead++;
            var hash = ContentHash(bytes.Span);
            _executedHash[module] = hash; // what ran, should it differ from what was listed
            return (bytes, CacheKey(hash, source.Path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _executedHash[module] = "unreadable-when-executed"; // no later listing equals it: it runs again
            return null;
        }
    }

    /// <summary>The module as it should be remembered after executing: with the hash of the bytes that ran.</summary>
    public SourceModule AsExecuted(SourceModule module) =>
        _executedHash.TryGetValue(module.Name, out var hash) && hash != module.Hash ? module with { Hash = hash } : module;

    /// <summary>Lists the folder's modules, reading only the files that changed since <paramref name="previous"/>.</summary>
    /// <param name="folder">The folder's path.</param>
    /// <param name="path">The folder as the application named it, for messages (default: <paramref name="folder"/>).</param>
    /// <param name="previous">The last listing of the folder (with what executed since), whose unchanged files need no reading.</param>
    /// <param name="maxFileBytes">The largest file read (<see cref="ConfigLimits.MaxFileBytes"/>).</param>
    /// <param name="includeTests">List test files too (<see cref="IsTestFile"/>); else they are left out.</param>
    /// <param name="unsaved">Files' text as an editor holds it, by absolute path: read instead of the disk's, and listed even when not saved yet.</param>
    /// <exception cref="ConfigException">The folder does not exist or cannot be read.</exception>
    public static SourceFolder Discover(string folder, string? path = null, SourceFolder? previous = null, long maxFileBytes = ConfigLimits.DefaultMaxFileBytes, bool includeTests = false,
        IReadOnlyDictionary<string, byte[]>? unsaved = null)
    {
        unsaved ??= NoUnsaved;
        path ??= folder;
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(root))
        {
            throw new ConfigException(new ConfigError(ConfigErrorKind.FolderNotFound, Messages.FolderMissing(path, File.Exists(root)), null));
        }
        List<string> relativeFiles;
        try
        {
            relativeFiles = Walk(root, includeTests);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new ConfigException(new ConfigError(ConfigErrorKind.FolderNotFound, Messages.FolderUnreadable(path, e.Message), null));
        }
        foreach (var file in unsaved.Keys)
        {
            if (UnsavedRelativePath(root, file, includeTests) is { } relative && !File.Exists(file) && !relativeFiles.Contains(relative))
            {
                relativeFiles.Add(relative); // a new file the editor has not saved yet
            }
        }
        relativeFiles.Sort(StringComparer.Ordinal);

        var files = new List<SourceModule>();
        var packages = new HashSet<string>(StringComparer.Ordinal);
        var buffer = Array.Empty<byte>();
        var readErrors = new List<ConfigError>();
        var readForExecution = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var read = 0;
        var folderName = Path.GetFileName(root);
        foreach (var relative in relativeFiles)
        {
            var withoutExtension = relative[..^3];
            var absolute = Path.Combine(root, relative);
            var (name, kind) = withoutExtension == "__init__"
                ? (folderName, ModuleKind.Module)
                : withoutExtension.EndsWith("/__init__", StringComparison.Ordinal)
                    ? (withoutExtension[..^"/__init__".Length].Replace('/', '.'), ModuleKind.Package)
                    : (withoutExtension.Replace('/', '.'), ModuleKind.Module);
            if (kind == ModuleKind.Package)
            {
                packages.Add(name);
            }
            string? hash = null;
            var before = previous?.Remembered(name);
            if (unsaved.TryGetValue(absolute, out var text))
            {
                // No stamp: when the editor lets go of it, the next listing reads the disk to compare.
                hash = ContentHash(text);
                if (text.Length > maxFileBytes)
                {
                    readErrors.Add(new ConfigError(ConfigErrorKind.ImportError, Messages.FileTooLarge(relative, text.Length, maxFileBytes), new SourceLocation(absolute, relative, 0)) { Hint = Messages.FileTooLargeHint });
                    hash = null;
                }
                else if (before is not { Hash: { } known } || known != hash || before.Path != absolute)
                {
                    readForExecution[name] = text;
                }
                files.Add(new SourceModule(name, absolute, relative, kind, hash, null));
                continue;
            }
            var stamp = FileStamp.Of(absolute);
            try
            {
                var length = stamp?.Size ?? new FileInfo(absolute).Length;
                if (length > maxFileBytes)
                {
                    readErrors.Add(new ConfigError(ConfigErrorKind.ImportError, Messages.FileTooLarge(relative, length, maxFileBytes), new SourceLocation(absolute, relative, 0))
                    {
                        Hint = Messages.FileTooLargeHint,
                    });
                    files.Add(new SourceModule(name, absolute, relative, kind, null, stamp));
                    continue;
                }
                if (before is { Hash: { } known } && known != SourceModule.Unread && stamp is not null && before.Stamp == stamp && before.Path == absolute)
                {
                    hash = known; // unchanged on disk: not read
                }
                else if (before is { Hash: not null } && before.Path == absolute)
                {
                    var bytes = Read(absolute, ref buffer, maxFileBytes); // it was a module: has its content changed?
                    read++;
                    hash = ContentHash(bytes.Span);
                    if (hash != before.Hash)
                    {
                        readForExecution[name] = bytes.ToArray(); // it runs again: the bytes read are the bytes that run
                    }
                }
                else
                {
                    hash = SourceModule.Unread; // new: read once, when it executes
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                readErrors.Add(new ConfigError(ConfigErrorKind.ImportError, Messages.FileUnreadable(relative, e.Message), new SourceLocation(absolute, relative, 0)));
            }
            files.Add(new SourceModule(name, absolute, relative, kind, hash, stamp));
        }

        var namespaces = new List<SourceModule>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in files)
        {
            var segments = module.RelativePath.Split('/');
            for (var depth = 1; depth < segments.Length; depth++)
            {
                var directory = string.Join('/', segments[..depth]);
                var name = directory.Replace('/', '.');
                if (!packages.Contains(name) && seen.Add(name))
                {
                    namespaces.Add(new SourceModule(name, Path.Combine(root, directory), directory, ModuleKind.Namespace));
                }
            }
        }
        var listing = new SourceFolder(root, path, files, namespaces, readErrors) { FilesRead = read, MaxFileBytes = maxFileBytes, _unsaved = unsaved };
        foreach (var (name, bytes) in readForExecution)
        {
            listing._readForExecution[name] = bytes;
        }
        return listing;
    }

    /// <summary>True when <paramref name="path"/> was read from an editor's unsaved text rather than the disk.</summary>
    public bool IsUnsaved(string path) => _unsaved.ContainsKey(path);

    /// <summary>True when the module's file is read from an editor's unsaved text.</summary>
    public bool IsUnsavedModule(string module) => _byName.TryGetValue(module, out var source) && _unsaved.ContainsKey(source.Path);

    /// <summary>A file's lines as this listing sees them: the editor's unsaved text, else the disk's; null when unreadable.</summary>
    public string[]? ReadLines(string path)
    {
        try
        {
            return _unsaved.TryGetValue(path, out var text)
                ? System.Text.Encoding.UTF8.GetString(text).ReplaceLineEndings("\n").Split('\n')
                : File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // An unsaved file's path relative to the folder, when it would be listed were it saved.
    private static string? UnsavedRelativePath(string root, string file, bool includeTests)
    {
        if (!file.EndsWith(".py", StringComparison.Ordinal) || !file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }
        var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
        var hidden = relative.Split('/').Any(segment => segment.StartsWith('.') || segment == "__pycache__");
        return hidden || (!includeTests && IsTestFile(relative)) ? null : relative;
    }

    // A module as this listing left it: its hash as listed, or as it executed.
    private SourceModule? Remembered(string name) => _byName.TryGetValue(name, out var module) ? AsExecuted(module) : null;

    /// <summary>Lets go of bytes read for modules that did not execute after all.</summary>
    public void ForgetUnexecuted() => _readForExecution.Clear();

    // A file's bytes, read into a buffer reused from file to file.
    private static ReadOnlyMemory<byte> Read(string path, ref byte[] buffer, long maxFileBytes)
    {
        using var handle = File.OpenHandle(path);
        var length = Math.Min(RandomAccess.GetLength(handle), maxFileBytes); // checked when listed; a file growing meanwhile is read as far as the limit
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, 64 * 1024)];
        }
        var read = 0;
        while (read < length)
        {
            var count = RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read);
            if (count == 0)
            {
                break; // shorter than it was a moment ago: what is there
            }
            read += count;
        }
        return buffer.AsMemory(0, read);
    }

    // XxHash128 of the bytes: one pass per read, for change detection and (with the path) the bytecode cache's key.
    private static string ContentHash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(bytes));

    private static string CacheKey(string hash, string path) =>
        $"{hash}-{Convert.ToHexStringLower(System.IO.Hashing.XxHash64.Hash(System.Text.Encoding.UTF8.GetBytes(path)))}";

    // Iterative, so deep trees cannot overflow; symlinked folders are followed once each.
    /// <summary>
    /// True for a test file: <c>test_*.py</c>, <c>*_test.py</c>, or any file under a folder named
    /// <c>tests</c> (given relative to the config folder, with forward slashes).
    /// </summary>
    public static bool IsTestFile(string relativePath)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        return name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test.py", StringComparison.Ordinal)
            || relativePath.StartsWith("tests/", StringComparison.Ordinal) || relativePath.Contains("/tests/", StringComparison.Ordinal);
    }

    private static List<string> Walk(string root, bool includeTests)
    {
        var found = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(root);
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false };
        while (pending.TryPop(out var folder))
        {
            var real = new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? folder;
            if (!visited.Add(real))
            {
                continue;
            }
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options))
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }
                if (entry is DirectoryInfo)
                {
                    if (entry.Name != "__pycache__")
                    {
                        pending.Push(entry.FullName);
                    }
                }
                else if (entry.Name.EndsWith(".py", StringComparison.Ordinal))
                {
                    var relative = Path.GetRelativePath(root, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
                    if (includeTests || !IsTestFile(relative))
                    {
                        found.Add(relative);
                    }
                }
            }
        }
        return found;
    }

    /// <summary>True when <paramref name="path"/> is inside this folder.</summary>
    public bool Contains(string path) =>
        path.Length > Root.Length && path[Root.Length] == Path.DirectorySeparatorChar && path.StartsWith(Root, StringComparison.Ordinal);

    // Each file's path (one string per file, however many locations name it) and display path.
    private readonly Dictionary<string, (string Path, string Display)> _paths = new(StringComparer.Ordinal);

    /// <summary>A location in a file, shown relative to the folder when inside it.</summary>
    public SourceLocation Locate(string path, int line, int column = 0)
    {
        if (!_paths.TryGetValue(path, out var known))
        {
            known = (path, Contains(path) ? Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/') : path);
            _paths[path] = known;
        }
        return new SourceLocation(known.Path, known.Display, line, column);
    }
}
