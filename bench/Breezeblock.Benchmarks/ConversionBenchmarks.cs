using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Breezeblock.Python;
using Breezeblock.Python.Native;

namespace Breezeblock.Benchmarks;

/// <summary>
/// Conversions each way, grouped by value; each group's baseline is the raw C API doing the same work
/// with no wrapper (typed, no boxing), so the ratio is what the general conversion costs on top.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public unsafe class ConversionBenchmarks
{
    private const string Short = "hello, world";
    private static readonly string OneKilobyte = string.Concat(Enumerable.Repeat("config-value ", 79))[..1024];
    private static readonly List<long> Thousand = Enumerable.Range(0, 1000).Select(i => (long)i).ToList();
    private static readonly Dictionary<string, long> ThousandEntries = Enumerable.Range(0, 1000).ToDictionary(i => $"key{i}", i => (long)i);
    private static readonly byte[][] ThousandKeysUtf8 = ThousandEntries.Keys.Select(k => System.Text.Encoding.UTF8.GetBytes(k + "\0")).ToArray();

    private int _gil; // the GIL held from setup to cleanup: a GilScope cannot live in a field
    private nint _int, _short, _long, _list, _dict;

    [GlobalSetup]
    public void Setup()
    {
        _gil = Gil.Enter();
        _int = PyValue<long>.ToPython(123_456_789);
        _short = PyStrings.FromString(Short);
        _long = PyStrings.FromString(OneKilobyte);
        _list = PyValues.FromManaged(Thousand);
        _dict = PyValues.FromManaged(ThousandEntries);
    }

    [GlobalCleanup]
    public void Cleanup() => Gil.Exit(_gil);

    [Benchmark(Baseline = true), BenchmarkCategory("int to Python")]
    public void IntToPythonRaw() => CApi.Py_DecRef(CApi.PyLong_FromLongLong(123_456_789));

    [Benchmark, BenchmarkCategory("int to Python")]
    public void IntToPython() => CApi.Py_DecRef(PyValue<long>.ToPython(123_456_789));

    [Benchmark(Baseline = true), BenchmarkCategory("int to .NET")]
    public long IntToDotnetRaw()
    {
        int overflow;
        return CApi.PyLong_AsLongLongAndOverflow(_int, &overflow);
    }

    [Benchmark, BenchmarkCategory("int to .NET")]
    public long IntToDotnet() => PyValue<long>.FromPython(_int);

    [Benchmark(Baseline = true), BenchmarkCategory("short str to Python")]
    public void ShortStringToPythonRaw()
    {
        fixed (byte* p = "hello, world"u8)
        {
            CApi.Py_DecRef(CApi.PyUnicode_FromStringAndSize(p, 12));
        }
    }

    [Benchmark, BenchmarkCategory("short str to Python")]
    public void ShortStringToPython() => CApi.Py_DecRef(PyStrings.FromString(Short));

    [Benchmark(Baseline = true), BenchmarkCategory("short str to .NET")]
    public string ShortStringToDotnetRaw()
    {
        nint size;
        var p = CApi.PyUnicode_AsUTF8AndSize(_short, &size);
        return new string((sbyte*)p, 0, (int)size);
    }

    [Benchmark, BenchmarkCategory("short str to .NET")]
    public string ShortStringToDotnet() => PyStrings.ToString(_short);

    [Benchmark(Baseline = true), BenchmarkCategory("1 KB str to Python")]
    public void LongStringToPythonRaw()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(OneKilobyte);
        fixed (byte* p = bytes)
        {
            CApi.Py_DecRef(CApi.PyUnicode_FromStringAndSize(p, bytes.Length));
        }
    }

    [Benchmark, BenchmarkCategory("1 KB str to Python")]
    public void LongStringToPython() => CApi.Py_DecRef(PyStrings.FromString(OneKilobyte));

    [Benchmark(Baseline = true), BenchmarkCategory("1 KB str to .NET")]
    public string LongStringToDotnetRaw()
    {
        nint size;
        var p = CApi.PyUnicode_AsUTF8AndSize(_long, &size);
        return new string((sbyte*)p, 0, (int)size);
    }

    [Benchmark, BenchmarkCategory("1 KB str to .NET")]
    public string LongStringToDotnet() => PyStrings.ToString(_long);

    [Benchmark(Baseline = true), BenchmarkCategory("list of 1,000 ints to Python")]
    public void ListToPythonRaw()
    {
        var list = CApi.PyList_New(Thousand.Count);
        for (var i = 0; i < Thousand.Count; i++)
        {
            CApi.PyList_SetItem(list, i, CApi.PyLong_FromLongLong(Thousand[i]));
        }
        CApi.Py_DecRef(list);
    }

    [Benchmark, BenchmarkCategory("list of 1,000 ints to Python")]
    public void ListToPython() => CApi.Py_DecRef(PyValues.FromManaged(Thousand));

    [Benchmark(Baseline = true), BenchmarkCategory("list of 1,000 ints to .NET")]
    public long[] ListToDotnetRaw()
    {
        var count = CApi.PyList_Size(_list);
        var result = new long[count];
        int overflow;
        for (nint i = 0; i < count; i++)
        {
            result[i] = CApi.PyLong_AsLongLongAndOverflow(CApi.PyList_GetItem(_list, i), &overflow);
        }
        return result;
    }

    [Benchmark, BenchmarkCategory("list of 1,000 ints to .NET")]
    public object? ListToDotnet() => PyValues.ToManaged(_list);

    [Benchmark(Baseline = true), BenchmarkCategory("dict of 1,000 entries to Python")]
    public void DictToPythonRaw()
    {
        var dict = CApi.PyDict_New();
        var i = 0;
        foreach (var value in ThousandEntries.Values)
        {
            var item = CApi.PyLong_FromLongLong(value);
            fixed (byte* key = ThousandKeysUtf8[i++])
            {
                CApi.PyDict_SetItemString(dict, key, item);
            }
            CApi.Py_DecRef(item);
        }
        CApi.Py_DecRef(dict);
    }

    [Benchmark, BenchmarkCategory("dict of 1,000 entries to Python")]
    public void DictToPython() => CApi.Py_DecRef(PyValues.FromManaged(ThousandEntries));

    [Benchmark(Baseline = true), BenchmarkCategory("dict of 1,000 entries to .NET")]
    public Dictionary<string, long> DictToDotnetRaw()
    {
        var result = new Dictionary<string, long>((int)CApi.PyDict_Size(_dict));
        nint position = 0, key, value;
        int overflow;
        while (CApi.PyDict_Next(_dict, &position, &key, &value) != 0)
        {
            nint size;
            var p = CApi.PyUnicode_AsUTF8AndSize(key, &size);
            result[new string((sbyte*)p, 0, (int)size)] = CApi.PyLong_AsLongLongAndOverflow(value, &overflow);
        }
        return result;
    }

    [Benchmark, BenchmarkCategory("dict of 1,000 entries to .NET")]
    public object? DictToDotnet() => PyValues.ToManaged(_dict);
}
