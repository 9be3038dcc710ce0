using System.Buffers.Binary;
using System.Text;

namespace Breezeblock;

/// <summary>
/// Messages between a host and its worker process: each a JSON object of plain data, sent as a 4-byte
/// big-endian length and the UTF-8 text. Values inside are tagged (<see cref="PlainJson.Tag"/>) so that
/// big integers, decimals and dates cross unchanged.
/// </summary>
internal sealed class WorkerChannel(Stream input, Stream output)
{
    private const int MaxMessage = 512 * 1024 * 1024;
    private readonly Lock _sending = new();

    public void Send(Dictionary<string, object?> message)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonOutput.Write(message, indented: false));
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        lock (_sending)
        {
            output.Write(length);
            output.Write(bytes);
            output.Flush();
        }
    }

    /// <summary>The next message, or null when the other side has closed the channel (or died).</summary>
    /// <exception cref="FormatException">What came is not a message.</exception>
    public Dictionary<string, object?>? Receive()
    {
        Span<byte> length = stackalloc byte[4];
        if (!ReadExactly(length))
        {
            return null;
        }
        var size = BinaryPrimitives.ReadInt32BigEndian(length);
        if (size is < 0 or > MaxMessage)
        {
            throw new FormatException(Messages.BadSnapshot("worker message", $"a length of {size}"));
        }
        var bytes = new byte[size];
        if (!ReadExactly(bytes))
        {
            return null;
        }
        return PlainJson.Parse(Encoding.UTF8.GetString(bytes), "worker message") as Dictionary<string, object?>
            ?? throw new FormatException(Messages.BadSnapshot("worker message", "not an object"));
    }

    private bool ReadExactly(Span<byte> buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var count = input.Read(buffer[read..]);
            if (count == 0)
            {
                return false;
            }
            read += count;
        }
        return true;
    }
}
