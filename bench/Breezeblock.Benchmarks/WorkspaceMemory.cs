using System.Diagnostics;

namespace Breezeblock.Benchmarks;

/// <summary>
/// What an idle workspace holds at 10,000 configs: the growth of resident memory from "Python has
/// started and the engine has evaluated a two-config folder" (its code compiled and loaded) to "the
/// workspace has evaluated once and waits", each shape in fresh processes, against
/// plain Python holding the same modules and results (bench/scaling/hold.py) and against a one-shot
/// evaluation whose result is kept. Before each reading, freed .NET and native memory is returned to
/// the OS (an aggressive GC and glibc's malloc_trim), so the figure is what is kept, not the peak.
/// <code>dotnet run -c Release --project bench/Breezeblock.Benchmarks -- memory</code>
/// </summary>
internal static class WorkspaceMemory
{
    private const int Configs = 10_000;
    private const int Repeat = 3;

    public static void Run()
    {
        var python = PythonSession.Runtime.Installation.ProgramPath;
        var hold = Path.Combine(RepositoryRoot(), "bench", "scaling", "hold.py");
        Console.WriteLine($"Idle memory at {Configs:N0} configs: growth of resident memory once the engine is warm (median of {Repeat} fresh processes)\n");
        Console.WriteLine("| shape | plain Python holding modules and results | one-shot result kept | idle workspace | workspace / plain Python | .NET heap the workspace keeps |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var shape in new[] { "chain", "fanin" })
        {
            var folder = ScalingFolder.Create(shape, Configs);
            try
            {
                var plain = Median(() => long.Parse(RunProcess(python, hold, folder), System.Globalization.CultureInfo.InvariantCulture));
                var result = Median(() => Child(Environment.ProcessPath!, "result", folder).Resident);
                var measured = Enumerable.Range(0, Repeat).Select(_ => Child(Environment.ProcessPath!, "workspace", folder)).ToList();
                var workspace = measured.Select(m => m.Resident).Order().ElementAt(Repeat / 2);
                var heap = measured.Select(m => m.Heap).Order().ElementAt(Repeat / 2);
                Console.WriteLine($"| {shape} | {plain / 1024.0:F1} MiB | {result / 1024.0:F1} MiB | {workspace / 1024.0:F1} MiB | {(double)workspace / plain:F2}× | {heap / 1048576.0:F1} MiB |");
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static (long Resident, long Heap) Child(string program, string what, string folder)
    {
        var parts = RunProcess(program, "memory-child", what, folder).Split(' ');
        return (long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>In a child process: prints the KiB resident memory grew by, from Python started to idle, and the bytes of .NET heap kept.</summary>
    public static void Child(string what, string folder)
    {
        using var engine = new ConfigEngine(new ConfigOptions { BytecodeCacheDirectory = null });
        var warmUp = ScalingFolder.Create("chain", 2); // the engine's code is compiled and loaded before the first reading
        using (var warm = engine.OpenWorkspace(warmUp))
        {
            warm.Evaluate().Dispose();
            warm.Evaluate().Dispose();
            engine.Evaluate(warmUp).Dispose();
        }
        Directory.Delete(warmUp, recursive: true);
        var before = Settle();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        ConfigWorkspace? workspace = null;
        ConfigResult? result = null;
        if (what == "workspace")
        {
            workspace = engine.OpenWorkspace(folder);
            workspace.Evaluate().Dispose();
        }
        else
        {
            result = engine.Evaluate(folder);
        }
        var grown = Settle() - before;
        Console.WriteLine($"{grown} {GC.GetTotalMemory(forceFullCollection: true) - heapBefore}");
        GC.KeepAlive(workspace);
        GC.KeepAlive(result);
    }

    // What the process keeps, not what it touched: freed .NET and native memory goes back to the OS first.
    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        PythonSession.Runtime.Run(() => PythonSession.Runtime.Execute("import gc\ngc.collect()").Dispose()); // drains released references too
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _ = MallocTrim(0);
        var status = File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    private static long Median(Func<long> measure)
    {
        var values = Enumerable.Range(0, Repeat).Select(_ => measure()).Order().ToList();
        return values[values.Count / 2];
    }

    private static string RunProcess(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Trim().Split('\n')[^1] : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {errors}");
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
}
