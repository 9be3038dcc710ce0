using System.Diagnostics;

namespace Breezeblock.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Breezeblock.Benchmarks -- reliability</c>: what the hardening
/// costs and how soon it acts, each against its baseline in the same run, median of many runs:
/// an isolated evaluation (warm worker) against the same evaluation in process, a one-shot isolated
/// evaluation (starting the worker) against it too, and the time from a deadline to the stop of runaway code.
/// This program is its own worker (<see cref="ConfigWorker"/>), as a host's is.
/// </summary>
internal static class ReliabilityFigures
{
    private const int Runs = 41;

    public static void Run()
    {
        var folder = Path.Combine(RepositoryRoot(), "examples", "quickstart");
        var spin = Directory.CreateTempSubdirectory("breezeblock-bench-spin-").FullName;
        File.WriteAllText(Path.Combine(spin, "spin.py"), "from breezeblock import configure\n\n@configure\ndef spin():\n    while True:\n        pass\n");
        using var inProcess = new ConfigEngine();
        using var isolated = new ConfigEngine(new ConfigOptions { Isolation = ConfigIsolation.Process });
        using var inProcessWorkspace = inProcess.OpenWorkspace(folder);
        using var isolatedWorkspace = isolated.OpenWorkspace(folder);

        // Evaluations that run every config (invalidated first), warm: the worker is started and has the folder loaded.
        var local = new List<double>();
        var remote = new List<double>();
        var cold = new List<double>();
        for (var i = 0; i < Runs + 3; i++)
        {
            inProcessWorkspace.Invalidate();
            isolatedWorkspace.Invalidate();
            var a = Time(() => inProcessWorkspace.Evaluate().Dispose());
            var b = Time(() => isolatedWorkspace.Evaluate().Dispose());
            double c;
            using (var fresh = new ConfigEngine(new ConfigOptions { Isolation = ConfigIsolation.Process }))
            {
                c = Time(() => fresh.Evaluate(folder).Dispose()); // a new worker: process start, Python start, load
            }
            if (i >= 3)
            {
                local.Add(a);
                remote.Add(b);
                cold.Add(c);
            }
        }

        // From the deadline to the evaluation's end, for a runaway loop.
        var limit = TimeSpan.FromMilliseconds(100);
        var stops = new List<double>();
        var stopping = new ConfigEngine(new ConfigOptions { Timeout = limit });
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                stopping.Evaluate(spin).Dispose();
            }
            catch (ConfigException)
            {
            }
            stops.Add(watch.Elapsed.TotalMilliseconds - limit.TotalMilliseconds);
        }

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; Python {inProcess.Runtime.Version}; {DateTime.UtcNow:yyyy-MM-dd}; median of {Runs} runs each");
        Console.WriteLine();
        Console.WriteLine("| what | median | baseline (in process) | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| quickstart, every config run, isolated (warm worker) | {Median(remote):0.00} ms | {Median(local):0.00} ms | {Median(remote) / Median(local):0.0}× |");
        Console.WriteLine($"| quickstart, isolated, new worker each time | {Median(cold):0.0} ms | {Median(local):0.00} ms | {Median(cold) / Median(local):0}× |");
        Console.WriteLine();
        Console.WriteLine($"Deadline to stop, runaway `while True: pass`, limit {limit.TotalMilliseconds:0} ms: median {Median(stops):0.0} ms, max {stops.Max():0.0} ms over {Runs} runs (goal: 100 ms).");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Breezeblock.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("the repository root was not found");
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
