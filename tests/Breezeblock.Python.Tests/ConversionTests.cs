using System.Numerics;

namespace Breezeblock.Python.Tests;

[Trait("Category", "Smoke")]
public sealed class ConversionTests(PythonFixture python)
{
    private PythonRuntime Runtime => python.Runtime;

    public static TheoryData<object?> RoundTripValues => new()
    {
        (object?)null,
        true,
        false,
        0L,
        -1L,
        long.MaxValue,
        long.MinValue,
        1.5,
        -0.0,
        double.Epsilon,
        double.MaxValue,
        double.PositiveInfinity,
        double.NegativeInfinity,
        "",
        "plain ascii",
        "héllo wörld",
        "emoji 😀 and 𝄞 outside the BMP",
        "lone high \uD800 surrogate",
        "lone low \uDC00 surrogate",
        "reversed pair \uDC00\uD800",
        "nul \0 inside",
        new string('x', 1024),
        string.Concat(Enumerable.Repeat("ü😀", 500)),
    };

    [Theory]
    [MemberData(nameof(RoundTripValues))]
    public void Scalars_round_trip_unchanged(object? value)
    {
        using var _ = Runtime.Acquire();
        using var converted = PyObject.From(value);
        Assert.Equal(value, converted.ToManaged());
    }

    [Fact]
    public void Nan_round_trips()
    {
        using var _ = Runtime.Acquire();
        using var converted = PyObject.From(double.NaN);
        Assert.True(double.IsNaN((double)converted.ToManaged()!));
    }

    [Theory]
    [InlineData("18446744073709551616")]
    [InlineData("-9223372036854775809")]
    [InlineData("-1267650600228229401496703205376")]
    public void Integers_beyond_64_bits_become_BigInteger(string digits)
    {
        using var _ = Runtime.Acquire();
        var value = BigInteger.Parse(digits);
        using var converted = PyObject.From(value);
        Assert.Equal(digits, converted.ToString());
        Assert.Equal(value, converted.ToManaged());
    }

    [Fact]
    public void Integers_longer_than_the_decimal_digit_limit_round_trip()
    {
        using var _ = Runtime.Acquire();
        var value = BigInteger.Pow(7, 20000);
        using var converted = PyObject.From(value);
        Assert.Equal(value, converted.ToManaged());
        using var negative = PyObject.From(-value);
        Assert.Equal(-value, negative.ToManaged());
    }

    [Fact]
    public void Every_dotnet_integer_type_becomes_int()
    {
        using var _ = Runtime.Acquire();
        object[] values = [(byte)255, (sbyte)-128, (short)-32768, (ushort)65535, 42, uint.MaxValue, ulong.MaxValue, (nint)(-7), 'x', 2.5f, 10.25m];
        object[] expected = [255L, -128L, -32768L, 65535L, 42L, (long)uint.MaxValue, new BigInteger(ulong.MaxValue), -7L, "x", 2.5, 10.25m];
        for (var i = 0; i < values.Length; i++)
        {
            using var converted = PyObject.From(values[i]);
            Assert.Equal(expected[i], converted.ToManaged());
        }
    }

    [Fact]
    public void Python_strings_with_lone_surrogates_keep_them()
    {
        using var _ = Runtime.Acquire();
        using var value = Runtime.Evaluate("'a\\ud800b' + '\\U0001F600' + '\\udfff'");
        Assert.Equal("a\uD800b😀\uDFFF", value.As<string>());
    }

    [Fact]
    public void Bytes_round_trip_including_nul()
    {
        using var _ = Runtime.Acquire();
        byte[] bytes = [0, 1, 2, 255, 0];
        using var converted = PyObject.From(bytes);
        Assert.Equal("bytes", converted.TypeName);
        Assert.Equal(bytes, converted.ToManaged());
    }

    [Fact]
    public void Containers_convert_both_ways_keeping_order()
    {
        using var _ = Runtime.Acquire();
        using var value = Runtime.Evaluate("{'b': [1, 2.5, None], 'a': (True, 'x'), 'c': {3, 4}, 'd': frozenset(), 'e': {}}");
        var managed = Assert.IsType<Dictionary<object, object?>>(value.ToManaged());
        Assert.Equal(["b", "a", "c", "d", "e"], managed.Keys);
        Assert.Equal(new List<object?> { 1L, 2.5, null }, managed["b"]);
        Assert.Equal(new object?[] { true, "x" }, managed["a"]);
        Assert.Equal([3L, 4L], Assert.IsType<HashSet<object?>>(managed["c"]).Order());
        Assert.Empty(Assert.IsType<HashSet<object?>>(managed["d"]));

        using var back = PyObject.From(managed);
        using var equal = Runtime.Evaluate("lambda v: v == {'b': [1, 2.5, None], 'a': (True, 'x'), 'c': {3, 4}, 'd': set(), 'e': {}}");
        Assert.True(equal.Call(back).As<bool>());
    }

    [Fact]
    public void Dotnet_collections_become_list_tuple_dict_and_set()
    {
        using var _ = Runtime.Acquire();
        using var list = PyObject.From(new List<int> { 1, 2 });
        using var tuple = PyObject.From(new object?[] { "a", null });
        using var dict = PyObject.From(new Dictionary<string, long> { ["k"] = 1 });
        using var set = PyObject.From(new HashSet<string> { "s" });
        using var sequence = PyObject.From(Enumerable.Range(0, 3).Select(i => i * i));
        Assert.Equal(["list", "tuple", "dict", "set", "list"], new[] { list, tuple, dict, set, sequence }.Select(o => o.TypeName));
        Assert.Equal("[0, 1, 4]", sequence.Repr());
        Assert.Equal("{'k': 1}", dict.Repr());
    }

    [Fact]
    public void Subclasses_convert_as_their_base_type()
    {
        using var _ = Runtime.Acquire();
        using var globals = Runtime.Execute("""
            import enum, collections
            class Color(enum.IntEnum):
                RED = 3
            value = [Color.RED, collections.OrderedDict(a=1), collections.namedtuple('P', 'x y')(1, 2)]
            """);
        Assert.Equal(new List<object?> { 3L, new Dictionary<object, object?> { ["a"] = 1L }, new object?[] { 1L, 2L } }, globals.GetItem("value").ToManaged());
    }

    [Fact]
    public void Other_objects_stay_python_objects()
    {
        using var _ = Runtime.Acquire();
        using var value = Runtime.Evaluate("object()");
        using var managed = Assert.IsType<PyObject>(value.ToManaged());
        Assert.Equal("object", managed.TypeName);
    }

    [Fact]
    public void Typed_conversion_names_the_expected_and_actual_type()
    {
        using var _ = Runtime.Acquire();
        using var value = Runtime.Evaluate("'text'");
        Assert.Equal("expected int, got str", Assert.Throws<InvalidCastException>(() => value.As<long>()).Message);
        using var flag = Runtime.Evaluate("True");
        Assert.Equal("expected int, got bool", Assert.Throws<InvalidCastException>(() => flag.As<long>()).Message);
        using var big = Runtime.Evaluate("2 ** 70");
        Assert.Throws<OverflowException>(() => big.As<long>());
    }

    [Fact]
    public void A_dict_with_a_None_key_cannot_become_a_dotnet_dictionary()
    {
        using var _ = Runtime.Acquire();
        using var value = Runtime.Evaluate("{None: 1}");
        Assert.Equal("a dict with the key None cannot become a .NET dictionary", Assert.Throws<InvalidCastException>(value.ToManaged).Message);
    }

    [Fact]
    public void Cyclic_structures_are_refused_not_overflowed()
    {
        using var _ = Runtime.Acquire();
        using var globals = Runtime.Execute("cycle = []\ncycle.append(cycle)");
        using var cycle = globals.GetItem("cycle");
        Assert.Contains("nested too deeply (over 1000 levels, or a cyclic structure)", Assert.Throws<InvalidOperationException>(cycle.ToManaged).Message);
        var managed = new List<object?>();
        managed.Add(managed);
        Assert.Contains("nested too deeply (over 1000 levels, or a cyclic structure)", Assert.Throws<InvalidOperationException>(() => PyObject.From(managed)).Message);
    }

    [Fact]
    public void Unsupported_dotnet_values_are_named()
    {
        using var _ = Runtime.Acquire();
        var error = Assert.Throws<NotSupportedException>(() => PyObject.From(new Version(1, 2)));
        Assert.StartsWith("a .NET Version cannot be converted to Python", error.Message);
    }

    [Fact]
    public void A_str_object_held_many_times_becomes_one_dotnet_string()
    {
        using var _ = Runtime.Acquire();
        // Three dicts with the same key objects, a name used as a key and as a value, and equal text
        // built at run time (a different object: it converts on its own, to an equal string).
        using var value = Runtime.Evaluate("(lambda n: [{'name': n, n: 1}, {'name': 'b'}, {'name': 'c'}, ''.join(['na', 'me'])])('web')");
        var items = (List<object?>)value.ToManaged()!;
        var dicts = items.Take(3).Cast<Dictionary<object, object?>>().ToList();
        var keys = dicts.Select(d => d.Keys.OfType<string>().First(k => k == "name")).ToList();
        Assert.Same(keys[0], keys[1]);
        Assert.Same(keys[0], keys[2]);
        Assert.Same(dicts[0]["name"], dicts[0].Keys.OfType<string>().Single(k => k == "web"));
        Assert.Equal("name", items[3]);
        Assert.NotSame(keys[0], items[3]);
        using var again = Runtime.Evaluate("['x' * 3]");
        Assert.Equal(["xxx"], (List<object?>)again.ToManaged()!); // the next conversion starts with an empty table
    }

    // A collection whose Count says one thing and whose enumerator another: a concurrent queue being
    // written to while it converts, or a buggy ICollection.
    private sealed class Miscounted(int count, params object?[] items) : System.Collections.ICollection
    {
        public int Count => count;

        public bool IsSynchronized => false;

        public object SyncRoot => this;

        public void CopyTo(Array array, int index) => items.CopyTo(array, index);

        public System.Collections.IEnumerator GetEnumerator() => items.GetEnumerator();
    }

    [Theory]
    [InlineData(3, new object[] { 0L }, "[0]")]
    [InlineData(1, new object[] { 1L, 2L, 3L }, "[1, 2, 3]")]
    [InlineData(0, new object[] { "a", "b" }, "['a', 'b']")]
    [InlineData(2, new object[0], "[]")]
    public void A_collection_converts_to_the_items_it_gives_whatever_its_count_says(int count, object[] items, string repr)
    {
        using var _ = Runtime.Acquire();
        using var converted = PyObject.From(new Miscounted(count, items));
        Assert.Equal(repr, converted.Repr());
        Assert.Equal(items.Length, converted.Length);
        using var copy = Runtime.Evaluate("lambda items: [x for x in items]");
        using var iterated = copy.Call(converted); // iterating an empty slot would crash
        Assert.Equal(repr, iterated.Repr());
        using var fine = Runtime.Evaluate("1 + 1"); // no error was left pending
        Assert.Equal(2L, fine.ToManaged());
    }

    [Fact]
    public void A_queue_written_to_while_it_converts_gives_a_list_of_what_was_read()
    {
        using var gil = Runtime.Acquire();
        var queue = new System.Collections.Concurrent.ConcurrentQueue<object?>(Enumerable.Range(0, 1000).Select(i => (object?)(long)i));
        var writer = new Thread(() =>
        {
            for (var i = 0; i < 200_000; i++)
            {
                queue.Enqueue((long)i);
                queue.TryDequeue(out _);
            }
        });
        writer.Start();
        using var check = Runtime.Evaluate("lambda items: all(type(x) is int for x in items) and len(items) == len(list(iter(items)))");
        for (var round = 0; round < 50; round++)
        {
            using var converted = PyObject.From(queue);
            using var total = check.Call(converted);
            Assert.True(total.As<bool>());
        }
        writer.Join();
    }
}
