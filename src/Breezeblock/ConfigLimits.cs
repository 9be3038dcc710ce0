namespace Breezeblock;

/// <summary>
/// The bounds an evaluation keeps to, whatever config code does (<see cref="ConfigOptions.Limits"/>).
/// The defaults suit every host seen so far; change one when a folder needs more room or a host less.
/// </summary>
public sealed class ConfigLimits
{
    /// <summary>The default of <see cref="MaxOutputCharacters"/>: a million characters.</summary>
    public const int DefaultMaxOutputCharacters = 1_000_000;

    /// <summary>The default of <see cref="MaxFileBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxFileBytes = 16L * 1024 * 1024;

    /// <summary>The default of <see cref="StopGrace"/>: one second.</summary>
    public static readonly TimeSpan DefaultStopGrace = TimeSpan.FromSeconds(1);

    /// <summary>
    /// What one evaluation may print and log, in characters (lines and log messages together). Past
    /// it, a warning says the output was cut, once, and the rest is dropped: a print loop cannot flood
    /// the host's output or fill a pipe nobody reads.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero or negative.</exception>
    public int MaxOutputCharacters
    {
        get => _maxOutputCharacters;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, 0);
            _maxOutputCharacters = value;
        }
    }

    /// <summary>
    /// The largest source file a folder may hold, in bytes. A larger one is an import error at that file,
    /// and is never read (a log or a data dump left in the folder by mistake).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero or negative.</exception>
    public long MaxFileBytes
    {
        get => _maxFileBytes;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, 0);
            _maxFileBytes = value;
        }
    }

    /// <summary>
    /// How long code told to stop (by <see cref="ConfigOptions.Timeout"/> or cancellation) has to stop
    /// before its workspace gives up on it: the evaluation then fails as
    /// <see cref="ConfigErrorKind.Unstoppable"/>, and a worker process is killed a grace later still.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero or negative.</exception>
    public TimeSpan StopGrace
    {
        get => _stopGrace;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _stopGrace = value;
        }
    }

    private int _maxOutputCharacters = DefaultMaxOutputCharacters;
    private long _maxFileBytes = DefaultMaxFileBytes;
    private TimeSpan _stopGrace = DefaultStopGrace;
}
