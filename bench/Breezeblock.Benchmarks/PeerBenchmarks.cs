using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Breezeblock.Python;
using PythonNet = Python.Runtime;

namespace Breezeblock.Benchmarks;

/// <summary>
/// Breezeblock against pythonnet 3.2.1 in one BenchmarkDotNet run: the same trivial call, callback,
/// GIL entry and conversions, each written the way a user of that library writes it. Each group's
/// baseline is Breezeblock, so the ratio column reads "pythonnet costs N× what we cost". Every
/// benchmark runs in its own process, embedding one library only.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PeerBenchmarks
{
    private const int Loop = 10_000;
    private const int Rounds = 200;
    private const string Source = CallBenchmarks.Source; // the same functions as CallBenchmarks

    private static readonly string OneKilobyte = string.Concat(Enumerable.Repeat("config-value ", 79))[..1024];
    private static readonly long[] Thousand = Enumerable.Range(0, 1000).Select(i => (long)i).ToArray();
    private static readonly Dictionary<string, long> ThousandEntries = Enumerable.Range(0, 1000).ToDictionary(i => $"key{i}", i => (long)i);

    // Breezeblock
    private PyObject _function = null!, _identity = null!, _timeit = null!, _callback = null!, _int = null!, _string = null!, _list = null!, _dict = null!;

    // pythonnet
    private PythonNet.PyObject _netFunction = null!, _netIdentity = null!, _netTimeit = null!, _netCallback = null!, _netInt = null!, _netString = null!;
    private PythonNet.PyList _netList = null!;
    private PythonNet.PyDict _netDict = null!;
    private PythonNet.Py.GILState? _netGil;

    private int _gil; // the GIL held from setup to cleanup: a GilScope cannot live in a field
    private bool _ours;

    [GlobalSetup(Targets = [nameof(Call), nameof(CallTyped), nameof(Callback), nameof(IntToPython), nameof(IntToDotnet), nameof(StringToPython), nameof(StringToDotnet),
        nameof(ListToPython), nameof(ListToDotnet), nameof(DictToPython), nameof(DictToDotnet)])]
    public void SetupBreezeblock()
    {
        _ours = true;
        _gil = Gil.Enter();
        (_function, _identity, _timeit, _callback) = CallBenchmarks.Targets();
        _int = PyObject.From(123_456_789L);
        _string = PyObject.From(OneKilobyte);
        _list = PyObject.From(Thousand.ToList());
        _dict = PyObject.From(ThousandEntries);
    }

    [GlobalSetup(Targets = [nameof(PeerCall), nameof(PeerCallTyped), nameof(PeerCallback), nameof(PeerIntToPython), nameof(PeerIntToDotnet), nameof(PeerStringToPython),
        nameof(PeerStringToDotnet), nameof(PeerListToPython), nameof(PeerListToDotnet), nameof(PeerDictToPython), nameof(PeerDictToDotnet)])]
    public void SetupPythonNet()
    {
        PeerSession.EnsureStarted();
        _netGil = PythonNet.Py.GIL();
        using var module = PeerSession.Define(Source);
        _netFunction = module.Get("f");
        _netIdentity = module.Get("identity");
        _netTimeit = module.Get("timeit");
        _netCallback = PythonNet.ConverterExtension.ToPython(new Action(() => { }));
        _netInt = new PythonNet.PyInt(123_456_789L);
        _netString = new PythonNet.PyString(OneKilobyte);
        _netList = new PythonNet.PyList(Thousand.Select(i => (PythonNet.PyObject)new PythonNet.PyInt(i)).ToArray());
        _netDict = new PythonNet.PyDict();
        foreach (var (key, value) in ThousandEntries)
        {
            using var item = new PythonNet.PyInt(value);
            _netDict[key] = item;
        }
    }

    [GlobalSetup(Targets = [nameof(GilEntry)])]
    public void SetupGil() => _ = PythonSession.Runtime;

    [GlobalSetup(Targets = [nameof(PeerGilEntry)])]
    public void SetupPeerGil() => PeerSession.EnsureStarted();

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_ours)
        {
            Gil.Exit(_gil);
        }
        // pythonnet's GIL is left held: the process ends here, and PythonEngine.Shutdown is not part of what is measured
    }

    // --- a trivial call from C# ---

    [Benchmark(Baseline = true, Description = "Breezeblock: f.Invoke()"), BenchmarkCategory("C# calls f()")]
    public void Call() => _function.Invoke();

    [Benchmark(Description = "pythonnet: f.Invoke().Dispose()"), BenchmarkCategory("C# calls f()")]
    public void PeerCall() => _netFunction.Invoke().Dispose();

    [Benchmark(Baseline = true, Description = "Breezeblock: identity.Call<long, long>(42)"), BenchmarkCategory("C# calls identity(42) -> long")]
    public long CallTyped() => _identity.Call<long, long>(42);

    [Benchmark(Description = "pythonnet: identity.Invoke(new PyInt(42)).As<long>()"), BenchmarkCategory("C# calls identity(42) -> long")]
    public long PeerCallTyped()
    {
        using var argument = new PythonNet.PyInt(42);
        using var result = _netIdentity.Invoke(argument);
        return result.As<long>();
    }

    // --- Python calls a C# Action, in a loop run inside Python ---

    [Benchmark(Baseline = true, OperationsPerInvoke = Loop, Description = "Breezeblock: PyFunction.Create(Action)"), BenchmarkCategory("Python calls a C# Action")]
    public void Callback() => _timeit.Call(Loop, _callback).Dispose();

    [Benchmark(OperationsPerInvoke = Loop, Description = "pythonnet: Action.ToPython()"), BenchmarkCategory("Python calls a C# Action")]
    public void PeerCallback()
    {
        using var count = new PythonNet.PyInt(Loop);
        _netTimeit.Invoke(count, _netCallback).Dispose();
    }

    // --- entering and leaving the GIL from a thread that does not hold it ---

    [Benchmark(Baseline = true, OperationsPerInvoke = Rounds, Description = "Breezeblock: using (runtime.Acquire()) {}"), BenchmarkCategory("GIL entry")]
    public void GilEntry()
    {
        for (var i = 0; i < Rounds; i++)
        {
            using (PythonSession.Runtime.Acquire())
            {
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Rounds, Description = "pythonnet: using (Py.GIL()) {}"), BenchmarkCategory("GIL entry")]
    public void PeerGilEntry()
    {
        for (var i = 0; i < Rounds; i++)
        {
            using (PythonNet.Py.GIL())
            {
            }
        }
    }

    // --- conversions ---

    [Benchmark(Baseline = true, Description = "Breezeblock"), BenchmarkCategory("int to Python")]
    public void IntToPython() => PyObject.From(123_456_789L).Dispose();

    [Benchmark(Description = "pythonnet"), BenchmarkCategory("int to Python")]
    public void PeerIntToPython() => new PythonNet.PyInt(123_456_789L).Dispose();

    [Benchmark(Baseline = true, Description = "Breezeblock"), BenchmarkCategory("int to .NET")]
    public long IntToDotnet() => _int.As<long>();

    [Benchmark(Description = "pythonnet"), BenchmarkCategory("int to .NET")]
    public long PeerIntToDotnet() => _netInt.As<long>();

    [Benchmark(Baseline = true, Description = "Breezeblock"), BenchmarkCategory("1 KB str to Python")]
    public void StringToPython() => PyObject.From(OneKilobyte).Dispose();

    [Benchmark(Description = "pythonnet"), BenchmarkCategory("1 KB str to Python")]
    public void PeerStringToPython() => new PythonNet.PyString(OneKilobyte).Dispose();

    [Benchmark(Baseline = true, Description = "Breezeblock"), BenchmarkCategory("1 KB str to .NET")]
    public string StringToDotnet() => _string.As<string>();

    [Benchmark(Description = "pythonnet"), BenchmarkCategory("1 KB str to .NET")]
    public string PeerStringToDotnet() => _netString.As<string>();

    [Benchmark(Baseline = true, Description = "Breezeblock"), BenchmarkCategory("list of 1,000 ints to Python")]
    public void ListToPython() => PyObject.From(Thousand).Dispose();

    [Benchmark(Description = "pythonnet"), BenchmarkCategory("list of 1,000 ints to Python")]
    public void PeerListToPython()
    {
        var items = new PythonNet.PyObject[Thousand.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new PythonNet.PyInt(Thousand[i]);
        }
        new PythonNet.PyList(items).Dispose();
        foreach (var item in items)
        {
            item.Dispose();
        }
    }

    [Benchmark(Baseline = true, Description = "Breezeblock"), BenchmarkCategory("list of 1,000 ints to .NET")]
    public object? ListToDotnet() => _list.ToManaged();

    [Benchmark(Description = "pythonnet"), BenchmarkCategory("list of 1,000 ints to .NET")]
    public long[] PeerListToDotnet() => _netList.As<long[]>();

    [Benchmark(Baseline = true, Description = "Breezeblock"), BenchmarkCategory("dict of 1,000 entries to Python")]
    public void DictToPython() => PyObject.From(ThousandEntries).Dispose();

    [Benchmark(Description = "pythonnet"), BenchmarkCategory("dict of 1,000 entries to Python")]
    public void PeerDictToPython()
    {
        using var dict = new PythonNet.PyDict();
        foreach (var (key, value) in ThousandEntries)
        {
            using var item = new PythonNet.PyInt(value);
            dict[key] = item;
        }
    }

    [Benchmark(Baseline = true, Description = "Breezeblock"), BenchmarkCategory("dict of 1,000 entries to .NET")]
    public object? DictToDotnet() => _dict.ToManaged();

    [Benchmark(Description = "pythonnet"), BenchmarkCategory("dict of 1,000 entries to .NET")]
    public Dictionary<string, long> PeerDictToDotnet()
    {
        var result = new Dictionary<string, long>(ThousandEntries.Count);
        using var items = _netDict.Items();
        foreach (var pair in items)
        {
            using (pair)
            {
                using var key = pair[0];
                using var value = pair[1];
                result[key.As<string>()] = value.As<long>();
            }
        }
        return result;
    }
}
