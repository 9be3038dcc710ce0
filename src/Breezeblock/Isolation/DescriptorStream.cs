using System.Runtime.InteropServices;

namespace Breezeblock;

/// <summary>
/// Writes to a file descriptor with <c>write(2)</c>, so the descriptor's offset moves as a shell
/// expects. A <see cref="FileStream"/> on a regular file writes at positions of its own
/// (<c>pwrite</c>) and leaves the offset where it was: in <c>{ breezeblock eval …; echo done; } &gt; out</c>
/// the next writer would overwrite the result from its start.
/// </summary>
internal sealed class DescriptorStream(int descriptor) : Stream
{
    private const int Interrupted = 4; // EINTR
    private int _descriptor = descriptor;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_descriptor < 0, this);
        fixed (byte* start = buffer)
        {
            var done = 0;
            while (done < buffer.Length)
            {
                var written = FileDescriptors.Write(_descriptor, start + done, (nuint)(buffer.Length - done));
                if (written < 0)
                {
                    var error = Marshal.GetLastPInvokeError();
                    if (error == Interrupted)
                    {
                        continue;
                    }
                    throw new IOException(Marshal.GetPInvokeErrorMessage(error), error);
                }
                done += (int)written;
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        var descriptor = Interlocked.Exchange(ref _descriptor, -1);
        if (descriptor >= 0)
        {
            _ = FileDescriptors.Close(descriptor);
        }
        base.Dispose(disposing);
    }
}
