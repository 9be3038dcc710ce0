using System.Diagnostics;

namespace Breezeblock.Tests;

/// <summary>
/// Evaluation cycles (one-shot evaluations, a workspace re-evaluating after edits, failing
/// evaluations, stopped ones) leave nothing behind: after a warm-up, Python's allocated blocks, the
/// .NET heap, <c>sys.modules</c>, threads, open file descriptors and resident memory stay where they
/// were. Objects are counted exactly (Python's blocks, the .NET heap after a full collection); resident
/// memory only catches what neither sees, a native leak, because it drifts up by a few KB per cycle
/// for the first thousands of cycles while caches and the heaps settle, and then stops (the long runs
/// in bench/RESULTS.md). The default is a short run; <c>BREEZEBLOCK_LEAK_CYCLES=2000 dotnet test
/// --filter-class '*LeakTests'</c> is the long one.
/// </summary>
[Collection(nameof(InterpreterStateTests))] // counts the process's modules, threads, descriptors and memory
public sealed class LeakTests(EngineFixture fixture, ITestOutputHelper output)
{
    private const string Header = "from breezeblock import configure\n\n";

    [Fact]
    public void Cycles_of_evaluation_leave_nothing_behind()
    {
        var cycles = int.TryParse(Environment.GetEnvironmentVariable("BREEZEBLOCK_LEAK_CYCLES"), out var n) ? n : 300;
        using var folder = new TempFolder(
            ("base.py", Header + "@configure\ndef base():\n    return {'items': list(range(50)), 'name': 'x' * 100}\n"),
            ("web.py", Header + "@configure\ndef web(base, version=0):\n    return {'count': len(base['items']), 'version': version}\n"));
        using var bad = new TempFolder(("app.py", Header + "@configure\ndef broken():\n    raise ValueError('no')\n"));
        using var spin = new TempFolder(("app.py", Header + "@configure\ndef spin():\n    while True:\n        pass\n"));
        var stopped = fixture.Options();
        stopped.Timeout = TimeSpan.FromMilliseconds(20);
        using var engine = fixture.Engine();
        using var stopping = new ConfigEngine(stopped);
        using var workspace = engine.OpenWorkspace(folder.Path);

        void Cycle(int i)
        {
            using (var once = engine.Evaluate(folder.Path))
            {
                _ = once.ToJson();
            }
            File.WriteAllText(Path.Combine(folder.Path, "web.py"), Header + $"@configure\ndef web(base, version={i % 5}):\n    return {{'count': len(base['items']), 'version': version}}\n");
            using (var incremental = workspace.Evaluate())
            {
                _ = incremental.Get<Dictionary<string, long>>("web");
            }
            Assert.Throws<ConfigException>(() => engine.Evaluate(bad.Path));
            if (i % 10 == 0)
            {
                Assert.Throws<ConfigException>(() => stopping.Evaluate(spin.Path));
            }
        }

        for (var i = 0; i < 300; i++)
        {
            Cycle(i); // warm-up: caches, compiled code, pools fill up and stay full
        }
        var samples = new List<Sample>();
        for (var i = 0; i < cycles; i++)
        {
            Cycle(i);
            if (i % (cycles / 10) == 0)
            {
                samples.Add(Measure(engine));
            }
        }
        samples.Add(Measure(engine));
        var first = samples[0];
        Assert.All(samples, s => Assert.Equal((first.Modules, first.PythonThreads), (s.Modules, s.PythonThreads)));
        Assert.All(samples, s => Assert.InRange(s.Descriptors, first.Descriptors - 2, first.Descriptors + 2));
        var perCycle = cycles / (double)(samples.Count - 1);
        Assert.True(Slope(samples.Select(s => (double)s.Blocks).ToList()) / perCycle < 2, $"Python allocated blocks grow: {string.Join(", ", samples.Select(s => s.Blocks))}");
        Assert.True(Slope(samples.Select(s => (double)s.Managed).ToList()) / perCycle < 256, $".NET heap grows: {string.Join(", ", samples.Select(s => s.Managed))} bytes");
        Assert.True(Slope(samples.Select(s => (double)s.Resident).ToList()) / perCycle < 16384, $"resident memory grows: {string.Join(", ", samples.Select(s => s.Resident / 1024))} KiB");
        output.WriteLine($"leak check, {cycles} cycles: blocks {first.Blocks} -> {samples[^1].Blocks}, resident {first.Resident / 1024} -> {samples[^1].Resident / 1024} KiB (slopes per cycle: {Slope(samples.Select(s => (double)s.Blocks).ToList()) / perCycle:0.00} blocks, {Slope(samples.Select(s => (double)s.Managed).ToList()) / perCycle:0} .NET bytes, {Slope(samples.Select(s => (double)s.Resident).ToList()) / perCycle:0} resident bytes), modules {first.Modules}, threads {first.PythonThreads}, descriptors {first.Descriptors}");
    }

    private sealed record Sample(long Blocks, long Modules, long PythonThreads, int Descriptors, long Resident, long Managed);

    private static Sample Measure(ConfigEngine engine)
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        var (blocks, modules, threads) = engine.Runtime.Run(() =>
        {
            using var gc = engine.Runtime.Evaluate("__import__('gc').collect()");
            using var found = engine.Runtime.Evaluate("(__import__('sys').getallocatedblocks(), len(__import__('sys').modules), __import__('threading').active_count())");
            var values = (object?[])found.ToManaged()!;
            return ((long)values[0]!, (long)values[1]!, (long)values[2]!);
        });
        var resident = long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        return new Sample(blocks, modules, threads, Directory.GetFiles("/proc/self/fd").Length, resident, GC.GetTotalMemory(forceFullCollection: true));
    }

    // Least-squares slope per sample.
    private static double Slope(List<double> values)
    {
        var n = values.Count;
        var meanX = (n - 1) / 2.0;
        var meanY = values.Average();
        var numerator = values.Select((y, x) => (x - meanX) * (y - meanY)).Sum();
        var denominator = Enumerable.Range(0, n).Sum(x => (x - meanX) * (x - meanX));
        return numerator / denominator;
    }
}
