using System.Collections.Immutable;
using System.Text;

namespace Breezeblock;

/// <summary>
/// The text of a workspace's files as an editor holds them, unsaved: each listing of the folder reads
/// these instead of the disk (<see cref="SourceFolder.Discover"/>), and lists one not saved yet. Set from
/// any thread; a pass works on the snapshot it started with.
/// </summary>
internal sealed class UnsavedFiles
{
    private ImmutableDictionary<string, byte[]> _files = ImmutableDictionary.Create<string, byte[]>(StringComparer.Ordinal);

    /// <summary>The files now, by absolute path, as UTF-8.</summary>
    public ImmutableDictionary<string, byte[]> Snapshot => Volatile.Read(ref _files);

    /// <summary>Uses <paramref name="text"/> for the file at <paramref name="path"/>; null goes back to the disk's.</summary>
    public void Set(string path, string? text)
    {
        var full = Path.GetFullPath(path);
        ImmutableInterlocked.Update(ref _files, files => text is null ? files.Remove(full) : files.SetItem(full, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Makes <paramref name="files"/> (path to text) the only unsaved files.</summary>
    public void Replace(IEnumerable<KeyValuePair<string, string>> files) =>
        Volatile.Write(ref _files, files.ToImmutableDictionary(f => Path.GetFullPath(f.Key), f => Encoding.UTF8.GetBytes(f.Value), StringComparer.Ordinal));

    /// <summary>The files as text, by path, for a worker process.</summary>
    public Dictionary<string, object?> AsText() =>
        Snapshot.ToDictionary(f => f.Key, f => (object?)Encoding.UTF8.GetString(f.Value), StringComparer.Ordinal);
}
