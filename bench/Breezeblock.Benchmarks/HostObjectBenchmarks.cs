using BenchmarkDotNet.Attributes;
using Breezeblock.Python;

namespace Breezeblock.Benchmarks;

/// <summary>
/// 100,000 objects of three fields built by a config: host objects (C#, received in .NET as a typed
/// list) against Python dataclass instances (the baseline, left in Python), each as one evaluation.
/// </summary>
public class HostObjectBenchmarks
{
    public sealed class Service
    {
        public string Name { get; set; } = "";
        public int Replicas { get; set; }
        public double Weight { get; set; }
    }

    private const int Count = 100_000;
    private string _folder = "";
    private ConfigEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("breezeblock-bench-hosts-").FullName;
        File.WriteAllText(Path.Combine(_folder, "objects.py"), $$"""
            import dataclasses
            from breezeblock import configure
            from bench import Service


            @dataclasses.dataclass
            class PlainService:
                name: str
                replicas: int
                weight: float


            @configure
            def plain():
                return [PlainService(name="api", replicas=i, weight=1.5) for i in range({{Count}})]


            @configure
            def hosted():
                return [Service(name="api", replicas=i, weight=1.5) for i in range({{Count}})]
            """);
        var options = new ConfigOptions { BytecodeCacheDirectory = null };
        options.AddHostModule("bench", module => module.AddType<Service>());
        _engine = new ConfigEngine(options);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "100,000 Python dataclass instances (stay in Python)")]
    public int Dataclasses()
    {
        using var result = _engine.Evaluate(_folder, ["plain"]);
        using var list = result.Get<PyObject>("plain");
        return _engine.Runtime.Run(() => (int)list.Length);
    }

    [Benchmark(Description = "100,000 host objects, received as List<Service>")]
    public int HostObjects()
    {
        using var result = _engine.Evaluate(_folder, ["hosted"]);
        return result.Get<List<Service>>("hosted").Count;
    }
}
