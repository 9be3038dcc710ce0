using System.Diagnostics;

namespace Breezeblock.Tests;

/// <summary>The processor-time backstop a worker sets before each evaluation, and lifts after one without a limit.</summary>
[Collection(nameof(InterpreterStateTests))] // sets this process's own limit for a moment
public sealed class WorkerLimitsTests
{
    [Fact]
    public void The_processor_time_limit_follows_the_evaluation_time_limit_and_is_lifted_without_one()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "rlimits are Linux and macOS only");
        try
        {
            var used = Process.GetCurrentProcess().TotalProcessorTime;
            WorkerLimits.LimitProcessorTime(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));
            var limit = WorkerLimits.ProcessorTimeLimit!.Value;
            var expected = used + TimeSpan.FromSeconds(30) + TimeSpan.FromSeconds(2) * 4; // past the host's own kill
            Assert.InRange(limit, expected - TimeSpan.FromSeconds(1), expected + TimeSpan.FromSeconds(2));
        }
        finally
        {
            WorkerLimits.LimitProcessorTime(null, TimeSpan.FromSeconds(2));
        }
        Assert.Null(WorkerLimits.ProcessorTimeLimit);
    }
}
