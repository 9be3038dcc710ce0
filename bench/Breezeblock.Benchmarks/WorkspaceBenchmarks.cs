using BenchmarkDotNet.Attributes;

namespace Breezeblock.Benchmarks;

/// <summary>
/// 10,000 configs in 100 files. The baseline is a full evaluation of the folder (a workspace used
/// once); against it, a workspace evaluating again after one file was edited. The edit: in the chain,
/// a comment in the middle file (its 100 configs run again, give the same values, and nothing after
/// them runs); in the fan-in, one leaf's value in the middle file (its 100 configs and the root run).
/// </summary>
[InvocationCount(1)]
public class WorkspaceBenchmarks
{
    private const int Configs = 10_000;
    private string _folder = "";
    private string _edited = "";
    private string _original = "";
    private bool _toggle;
    private ConfigEngine _engine = null!;
    private ConfigWorkspace _workspace = null!;

    [Params("chain", "fanin")]
    public string Shape { get; set; } = "chain";

    [GlobalSetup]
    public void Setup()
    {
        _folder = ScalingFolder.Create(Shape, Configs);
        _edited = ScalingFolder.FilePath(_folder, Configs / ScalingFolder.PerFile / 2);
        _original = File.ReadAllText(_edited);
        _engine = new ConfigEngine(new ConfigOptions());
        _workspace = _engine.OpenWorkspace(_folder);
        _workspace.Evaluate().Dispose();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _workspace.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [IterationSetup(Target = nameof(OneFileEdited))]
    public void EditOneFile()
    {
        _toggle = !_toggle;
        var text = !_toggle
            ? _original
            : Shape == "chain"
                ? "# edited\n" + _original
                : _original.Replace("\"weight\": 8}", "\"weight\": 9}", StringComparison.Ordinal);
        File.WriteAllText(_edited, text);
    }

    [Benchmark(Baseline = true, Description = "full evaluation")]
    public int Full()
    {
        using var result = _engine.Evaluate(_folder);
        return result.Names.Count;
    }

    [Benchmark(Description = "workspace, one file edited")]
    public int OneFileEdited()
    {
        using var result = _workspace.Evaluate();
        return result.Report.Ran.Count;
    }
}
