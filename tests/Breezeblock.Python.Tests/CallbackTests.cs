namespace Breezeblock.Python.Tests;

[Trait("Category", "Smoke")]
public sealed class CallbackTests(PythonFixture python)
{
    private PythonRuntime Runtime => python.Runtime;

    [Fact]
    public void Typed_functions_convert_arguments_and_results()
    {
        using var _ = Runtime.Acquire();
        using var add = PyFunction.Create("add", (long a, long b) => a + b);
        using var greet = PyFunction.Create("greet", (string name) => $"hello {name}");
        using var half = PyFunction.Create("half", (double x) => x / 2);
        Assert.Equal(5L, add.Call<long, long, long>(2, 3));
        Assert.Equal("hello wörld 😀", greet.Call<string, string>("wörld 😀"));
        Assert.Equal(1.25, half.Call(2.5).As<double>());
        Assert.Equal("add", add.GetAttr("__name__").As<string>());
    }

    [Fact]
    public void Wrong_arguments_raise_type_errors_that_python_can_read()
    {
        using var _ = Runtime.Acquire();
        using var add = PyFunction.Create("add", (long a, long b) => a + b);
        using var globals = Runtime.CreateGlobals();
        globals.SetItem("add", add);
        Runtime.Execute("""
            errors = []
            for call in (lambda: add(1), lambda: add(1, 'x'), lambda: add(1, 2, c=3)):
                try:
                    call()
                except (TypeError, ValueError) as e:
                    errors.append(f"{type(e).__name__}: {e}")
            """, "<arity>", globals).Dispose();
        Assert.Equal(
            new List<object?>
            {
                "ValueError: add() takes 2 positional arguments but 1 were given",
                "TypeError: expected int, got str",
                "ValueError: add() takes no keyword arguments",
            },
            globals.GetItem("errors").ToManaged());
    }

    [Fact]
    public void Untyped_functions_see_positional_and_keyword_arguments()
    {
        using var _ = Runtime.Acquire();
        using var describe = PyFunction.Create("describe", args =>
        {
            var parts = new List<string>();
            for (var i = 0; i < args.PositionalCount; i++)
            {
                parts.Add(args[i].Repr());
            }
            for (var i = 0; i < args.KeywordCount; i++)
            {
                parts.Add($"{args.KeywordName(i)}={args.KeywordValue(i).Repr()}");
            }
            return string.Join(", ", parts);
        });
        using var result = describe.Call([1, "two"], [new("three", 3.0), new("four", null)]);
        Assert.Equal("1, 'two', three=3.0, four=None", result.As<string>());
    }

    [Fact]
    public void Lent_sequences_are_read_by_index_and_objects_known_by_identity()
    {
        using var _ = Runtime.Acquire();
        using var globals = Runtime.CreateGlobals();
        Runtime.Execute("name = 'shared'\nrow = (name, [name, 2], None)", globals: globals).Dispose();
        using var row = globals.GetItem("row");
        var items = row.AsArgument().Items;
        Assert.Equal(3, items.Count);
        Assert.Equal("shared", items[0].AsString());
        Assert.Equal(2L, items[1].Items[1].AsInt64());
        Assert.True(items[2].IsNone);
        Assert.Equal(items[0].Identity, items[1].Items[0].Identity); // the same str object
        Assert.NotEqual(items[0].Identity, items[1].Identity);
        Assert.Throws<ArgumentOutOfRangeException>(() => row.AsArgument().Items[3].IsNone);
        Assert.Throws<ArgumentOutOfRangeException>(() => row.AsArgument().Items[-1].IsNone);
    }

    [Fact]
    public void Lent_ints_and_strs_are_read_without_exceptions_or_copies()
    {
        using var gil = Runtime.Acquire();
        using var values = Runtime.Evaluate("(2**63 - 1, 2**63, True, 'é😀', '\\udc80', b'x', 1.5)");
        var items = values.AsArgument().Items;
        Assert.True(items[0].TryAsInt64(out var largest));
        Assert.Equal(long.MaxValue, largest);
        Assert.False(items[1].TryAsInt64(out var _)); // past 64 bits
        Assert.False(items[2].TryAsInt64(out var _)); // a bool is not an int here
        Assert.False(items[6].TryAsInt64(out var _));
        Assert.True(items[3].TryGetUtf8(out var utf8));
        Assert.Equal("é😀", System.Text.Encoding.UTF8.GetString(utf8));
        Assert.False(items[4].TryGetUtf8(out var _)); // a lone surrogate has no UTF-8
        Assert.False(items[5].TryGetUtf8(out var _));
        Assert.Equal(1L, Runtime.Evaluate("1").As<long>()); // no Python error was left pending
    }

    [Fact]
    public void Modules_built_in_dotnet_are_importable()
    {
        using var _ = Runtime.Acquire();
        var calls = 0;
        new PyModuleBuilder("hostdemo")
            .AddFunction("count", _ => ++calls)
            .AddValue("VERSION", "1.2")
            .Register()
            .Dispose();
        using var globals = Runtime.Execute("from hostdemo import count, VERSION\nresult = (count(), count(), VERSION)");
        Assert.Equal(new object?[] { 1L, 2L, "1.2" }, globals.GetItem("result").ToManaged());
    }

    [Fact]
    public void Callbacks_can_call_back_into_python()
    {
        using var _ = Runtime.Acquire();
        using var globals = Runtime.Execute("def square(x):\n    return x * x");
        using var square = globals.GetItem("square");
        using var sumOfSquares = PyFunction.Create("sum_of_squares", (long n) =>
        {
            long total = 0;
            for (long i = 1; i <= n; i++)
            {
                total += square.Call<long, long>(i);
            }
            return total;
        });
        globals.SetItem("sum_of_squares", sumOfSquares);
        using var result = Runtime.Evaluate("sum_of_squares(10)", globals);
        Assert.Equal(385L, result.As<long>());
    }

    [Fact]
    public void Callbacks_work_from_threads_that_python_started()
    {
        using var _ = Runtime.Acquire();
        var threadIds = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var record = PyFunction.Create("record", (long value) =>
        {
            threadIds.Add(Environment.CurrentManagedThreadId);
            using var nested = Runtime.Acquire(); // already held by Python's thread: must not deadlock
            return value * 2;
        });
        using var globals = Runtime.CreateGlobals();
        globals.SetItem("record", record);
        Runtime.Execute("""
            import threading
            results = []
            def work(i):
                results.append(record(i))
            threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
            for t in threads: t.start()
            for t in threads: t.join()
            results.sort()
            """, "<threads>", globals).Dispose();
        Assert.Equal(new List<object?> { 0L, 2L, 4L, 6L }, globals.GetItem("results").ToManaged());
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, threadIds);
    }

    // An exception whose message cannot be read: raising it in Python fails in .NET too.
    private sealed class Unreadable : Exception
    {
        public override string Message => throw new InvalidOperationException("no message for you");
    }

    [Fact]
    public void An_exception_that_cannot_be_raised_as_itself_is_a_runtime_error_not_the_end_of_the_process()
    {
        using var gil = Runtime.Acquire();
        using var fails = PyFunction.Create("fails", _ => throw new Unreadable());
        using var globals = Runtime.CreateGlobals();
        globals.SetItem("fails", fails);
        Runtime.Execute("""
            try:
                fails()
            except RuntimeError as error:
                caught = str(error)
            """, "<test>", globals).Dispose();
        Assert.Equal("a .NET exception was thrown and could not be raised in Python", globals.GetItem("caught").As<string>());
    }
}
