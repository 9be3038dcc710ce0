using BenchmarkDotNet.Running;
using Breezeblock;
using Breezeblock.Benchmarks;

// dotnet run -c Release --project bench/Breezeblock.Benchmarks -- --filter '*CallBenchmarks*'
// dotnet run -c Release --project bench/Breezeblock.Benchmarks -- memory      (an idle workspace's memory)
// dotnet run -c Release --project bench/Breezeblock.Benchmarks -- reliability (isolation's cost, deadline to stop)
if (ConfigWorker.IsRequested)
{
    return ConfigWorker.Run(); // this program is its own isolated worker, as a host's program is
}
switch (args)
{
    case ["reliability"]:
        ReliabilityFigures.Run();
        break;
    case ["memory"]:
        WorkspaceMemory.Run();
        break;
    case ["memory-child", var what, var folder]:
        WorkspaceMemory.Child(what, folder);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, BenchmarkConfig.Create());
        break;
}
return 0;
