namespace Breezeblock;

/// <summary>
/// A write-only stream that keeps what is written in fixed 64 KiB blocks, to be copied out once it
/// is complete. A large output takes its own size, not the doubling copies a growing array makes,
/// and nothing reaches the destination until the writer has finished without error.
/// </summary>
internal sealed class SpooledBytes : Stream
{
    private const int BlockSize = 64 * 1024;
    private readonly List<byte[]> _blocks = [];
    private int _usedInLast = BlockSize;
    private long _length;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_usedInLast == BlockSize)
            {
                _blocks.Add(new byte[BlockSize]);
                _usedInLast = 0;
            }
            var count = Math.Min(buffer.Length, BlockSize - _usedInLast);
            buffer[..count].CopyTo(_blocks[^1].AsSpan(_usedInLast));
            _usedInLast += count;
            _length += count;
            buffer = buffer[count..];
        }
    }

    /// <summary>Writes everything spooled to <paramref name="destination"/>, in order.</summary>
    public void CopyOut(Stream destination)
    {
        for (var i = 0; i < _blocks.Count; i++)
        {
            destination.Write(_blocks[i], 0, i == _blocks.Count - 1 ? _usedInLast : BlockSize);
        }
        destination.Flush();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
