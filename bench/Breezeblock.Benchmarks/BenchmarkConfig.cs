using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;

namespace Breezeblock.Benchmarks;

/// <summary>The one configuration every benchmark shares: in-process runs are impossible to mix up with
/// another Python, and each benchmark class starts its own process, hence its own CPython.</summary>
internal static class BenchmarkConfig
{
    public static IConfig Create() => ManualConfig.CreateEmpty()
        .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10))
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .AddColumn(StatisticColumn.Median)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddExporter(MarkdownExporter.GitHub)
        .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
        .WithOptions(BenchmarkDotNet.Configs.ConfigOptions.JoinSummary);
}
