using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Breezeblock;

/// <summary>
/// The operating system's limits on a worker process, set by the worker on itself (Linux and macOS).
/// <list type="bullet">
/// <item><b>Memory</b> (<c>RLIMIT_DATA</c>, from <see cref="ConfigOptions.WorkerMemoryLimit"/>): an
/// allocation past it fails, so a memory bomb ends in Python's <c>MemoryError</c> at the line that
/// allocated and the worker lives on. (<c>RLIMIT_AS</c> cannot be used: .NET reserves far more address
/// space than it uses.) The host's watch on resident memory stays as the backstop.</item>
/// <item><b>Processor time</b> (<c>RLIMIT_CPU</c>, per evaluation with a time limit): a soft limit a
/// little past the host's own wall-clock kill, so a worker whose host has stalled still ends. Only the
/// soft limit moves, so it can be raised again for the next evaluation.</item>
/// </list>
/// </summary>
internal static partial class WorkerLimits
{
    /// <summary>Set in a worker's environment: the bytes of memory it may allocate.</summary>
    public const string MemoryVariable = "BREEZEBLOCK_WORKER_MEMORY";

    private const int RlimitCpu = 0;
    private const int RlimitData = 2;
    private const ulong Infinity = ulong.MaxValue; // RLIM_INFINITY on Linux and macOS

    private static bool Supported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Limits the memory this process may allocate to what <see cref="MemoryVariable"/> says, if it is set.</summary>
    public static void ApplyMemoryFromEnvironment()
    {
        if (Supported && ulong.TryParse(Environment.GetEnvironmentVariable(MemoryVariable), out var bytes) && bytes > 0)
        {
            SetSoft(RlimitData, bytes);
        }
    }

    /// <summary>Limits the processor time of the evaluation about to start (none without a time limit).</summary>
    public static void LimitProcessorTime(TimeSpan? timeLimit, TimeSpan grace)
    {
        if (!Supported)
        {
            return;
        }
        if (timeLimit is not { } limit)
        {
            SetSoft(RlimitCpu, Infinity);
            return;
        }
        var used = Process.GetCurrentProcess().TotalProcessorTime;
        var allowed = used + limit + grace * 4; // past the host's kill at limit + 2 × grace
        SetSoft(RlimitCpu, (ulong)Math.Ceiling(allowed.TotalSeconds));
    }

    /// <summary>The processor time this process may use in all (its soft limit), or null when unlimited.</summary>
    public static TimeSpan? ProcessorTimeLimit =>
        Supported && getrlimit(RlimitCpu, out var current) == 0 && current.Current != Infinity ? TimeSpan.FromSeconds(current.Current) : null;

    private static void SetSoft(int resource, ulong soft)
    {
        if (getrlimit(resource, out var current) != 0)
        {
            return;
        }
        var wanted = new RLimit { Current = Math.Min(soft, current.Maximum), Maximum = current.Maximum };
        _ = setrlimit(resource, in wanted); // best effort: a limit the system refuses leaves the watchdogs
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getrlimit(int resource, out RLimit limit);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setrlimit(int resource, in RLimit limit);
}
