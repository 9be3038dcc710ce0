namespace Breezeblock;

/// <summary>
/// A write-only stream that keeps what is written until it is complete, then copies it out: nothing
/// reaches the destination until the writer has finished without error. The first
/// <see cref="MemoryLimit"/> bytes stay in memory, in fixed 64 KiB blocks (no doubling copies); the
/// rest goes to a temporary file, deleted when the stream is closed, so a large output costs its
/// size on disk, not in the process. Where no temporary file can be made, everything stays in memory.
/// </summary>
internal sealed class SpooledBytes(int memoryLimit = SpooledBytes.DefaultMemoryLimit) : Stream
{
    /// <summary>What is kept in memory before a temporary file takes the rest.</summary>
    public const int DefaultMemoryLimit = 256 * 1024;

    private const int BlockSize = 64 * 1024;
    private readonly List<byte[]> _blocks = [];
    private int _usedInLast = BlockSize;
    private long _inMemory;
    private long _length;
    private FileStream? _overflow;
    private bool _noOverflow;

    public int MemoryLimit => memoryLimit;

    /// <summary>The temporary file the bytes past <see cref="MemoryLimit"/> went to, if any.</summary>
    internal string? OverflowPath => _overflow?.Name;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _length += buffer.Length;
        while (!buffer.IsEmpty)
        {
            if (_overflow is not null || (_inMemory >= memoryLimit && OpenOverflow()))
            {
                _overflow!.Write(buffer);
                return;
            }
            if (_usedInLast == BlockSize)
            {
                _blocks.Add(new byte[BlockSize]);
                _usedInLast = 0;
            }
            var room = BlockSize - _usedInLast;
            if (!_noOverflow)
            {
                room = (int)Math.Min(room, memoryLimit - _inMemory);
            }
            var count = Math.Min(buffer.Length, room);
            buffer[..count].CopyTo(_blocks[^1].AsSpan(_usedInLast));
            _usedInLast += count;
            _inMemory += count;
            buffer = buffer[count..];
        }
    }

    private bool OpenOverflow()
    {
        if (_noOverflow)
        {
            return false;
        }
        try
        {
            var path = Path.Combine(Path.GetTempPath(), $"breezeblock-{Path.GetRandomFileName()}");
            _overflow = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BlockSize, FileOptions.DeleteOnClose);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _noOverflow = true; // a read-only or missing temporary folder: memory it is
            return false;
        }
    }

    /// <summary>Writes everything spooled to <paramref name="destination"/>, in order.</summary>
    public void CopyOut(Stream destination)
    {
        for (var i = 0; i < _blocks.Count; i++)
        {
            destination.Write(_blocks[i], 0, i == _blocks.Count - 1 ? _usedInLast : BlockSize);
        }
        if (_overflow is not null)
        {
            _overflow.Flush();
            _overflow.Position = 0;
            _overflow.CopyTo(destination, BlockSize);
        }
        destination.Flush();
    }

    public override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _overflow?.Dispose();
            _overflow = null;
        }
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
