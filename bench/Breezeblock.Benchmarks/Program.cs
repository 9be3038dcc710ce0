using BenchmarkDotNet.Running;
using Breezeblock.Benchmarks;

// dotnet run -c Release --project bench/Breezeblock.Benchmarks -- --filter '*CallBenchmarks*'
// dotnet run -c Release --project bench/Breezeblock.Benchmarks -- memory      (an idle workspace's memory)
switch (args)
{
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
