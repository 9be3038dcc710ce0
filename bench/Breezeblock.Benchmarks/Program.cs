using BenchmarkDotNet.Running;
using Breezeblock.Benchmarks;

// dotnet run -c Release --project bench/Breezeblock.Benchmarks -- --filter '*CallBenchmarks*'
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, BenchmarkConfig.Create());
