using System.Text;

namespace Breezeblock.Cli;

/// <summary>Keeps stdout for the result alone (see <see cref="StandardStreams.ReserveOutput"/>): config code writing to descriptor 1 reaches stderr.</summary>
internal static class StandardOutput
{
    /// <summary>A writer to the real stdout; from now on, anything else writing to descriptor 1 reaches stderr.</summary>
    public static TextWriter Reserve() =>
        new StreamWriter(StandardStreams.ReserveOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024) { AutoFlush = false };
}
