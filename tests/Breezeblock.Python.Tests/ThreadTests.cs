using System.Collections.Concurrent;
using System.Diagnostics;

namespace Breezeblock.Python.Tests;

[Trait("Category", "Smoke")]
public sealed class ThreadTests(PythonFixture python)
{
    private PythonRuntime Runtime => python.Runtime;

    [Fact]
    public void Thirty_two_threads_call_python_concurrently_with_correct_results()
    {
        PyObject function;
        using (Runtime.Acquire())
        {
            using var globals = Runtime.Execute("def mix(a, b):\n    return f'{a}:{b * b}'");
            function = globals.GetItem("mix");
        }
        var failures = new ConcurrentQueue<string>();
        var calls = 0L;
        var clock = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, 32).Select(t => new Thread(() =>
        {
            var i = 0L;
            while (clock.Elapsed < TimeSpan.FromSeconds(2))
            {
                using (Runtime.Acquire())
                {
                    var result = function.Call<long, long, string>(t, i);
                    if (result != $"{t}:{i * i}")
                    {
                        failures.Enqueue(result);
                    }
                }
                i++;
            }
            Interlocked.Add(ref calls, i);
        })).ToList();
        threads.ForEach(t => t.Start());
        Assert.All(threads, t => Assert.True(t.Join(TimeSpan.FromSeconds(60)), "a thread did not finish: deadlock"));
        Assert.Empty(failures);
        Assert.True(calls > 32 * 10, $"only {calls} calls were made");
        function.Dispose();
    }

    [Fact]
    public void A_GilSafeLock_holder_running_python_and_a_waiter_holding_the_gil_both_go_on()
    {
        var shared = new GilSafeLock();
        using var holding = new ManualResetEventSlim();
        var order = new ConcurrentQueue<string>();
        var holder = new Thread(() =>
        {
            using (shared.Enter())
            {
                holding.Set();
                using (Runtime.Acquire())
                {
                    Runtime.Execute("import time\ntime.sleep(0.3)").Dispose(); // lets go of the GIL and must get it back
                }
                order.Enqueue("holder");
            }
        });
        var waiter = new Thread(() =>
        {
            holding.Wait();
            using (Runtime.Acquire())
            {
                using (shared.Enter()) // a plain lock here, with the GIL held, deadlocks
                {
                    order.Enqueue("waiter");
                }
            }
        });
        holder.Start();
        waiter.Start();
        Assert.True(holder.Join(TimeSpan.FromSeconds(30)) && waiter.Join(TimeSpan.FromSeconds(30)), "deadlock");
        Assert.Equal(["holder", "waiter"], order);
    }

    [Fact]
    public async Task Thread_pool_work_runs_concurrently_through_Run_and_RunAsync()
    {
        var tasks = Enumerable.Range(0, 64).Select(i => i % 2 == 0
            ? Task.Run(() => Runtime.Run(() => EvaluateSquare(i)))
            : Runtime.RunAsync(() => EvaluateSquare(i)));
        var results = await Task.WhenAll(tasks);
        Assert.Equal(Enumerable.Range(0, 64).Select(i => (long)i * i), results);
    }

    private long EvaluateSquare(int i)
    {
        using var result = Runtime.Evaluate($"{i} * {i}");
        return result.As<long>();
    }

    [Fact]
    public void Scopes_nest_on_one_thread()
    {
        using (Runtime.Acquire())
        {
            using (Runtime.Acquire())
            {
                Assert.True(PythonRuntime.HoldsGil);
            }
            Assert.True(PythonRuntime.HoldsGil);
        }
        Assert.False(PythonRuntime.HoldsGil);
    }

    [Fact]
    public void Python_work_without_the_gil_is_refused()
    {
        Assert.False(PythonRuntime.HoldsGil);
        var error = Assert.Throws<InvalidOperationException>(() => PyObject.From(1));
        Assert.StartsWith("this thread does not hold the GIL", error.Message);
    }

    [Fact]
    public void Scopes_disposed_out_of_order_are_refused_and_disposing_twice_leaves_once()
    {
        var outer = Runtime.Acquire();
        var inner = Runtime.Acquire();
        var refused = false;
        try
        {
            outer.Dispose();
        }
        catch (InvalidOperationException)
        {
            refused = true; // a ref struct cannot be captured by Assert.Throws' lambda
        }
        Assert.True(refused);
        inner.Dispose();
        inner.Dispose();
        Assert.True(PythonRuntime.HoldsGil); // the second dispose of inner did not leave outer too
        outer.Dispose();
        outer.Dispose();
        Assert.False(PythonRuntime.HoldsGil);
        using (Runtime.Acquire())
        {
            Assert.True(PythonRuntime.HoldsGil); // nothing left in a wrong state
        }
    }

    [Fact]
    public void AllowThreads_lets_other_threads_run_python_meanwhile()
    {
        using (Runtime.Acquire())
        {
            long fromOtherThread;
            using (Runtime.AllowThreads())
            {
                Assert.False(PythonRuntime.HoldsGil);
                var result = 0L;
                var other = new Thread(() => result = Runtime.Run(() => EvaluateSquare(9)));
                other.Start();
                Assert.True(other.Join(TimeSpan.FromSeconds(30)), "the other thread could not take the GIL");
                fromOtherThread = result;
            }
            Assert.True(PythonRuntime.HoldsGil);
            Assert.Equal(81, fromOtherThread);
        }
    }

    [Fact]
    public async Task Deep_recursion_ends_in_RecursionError_not_a_host_crash()
    {
        // From a thread-pool thread (1.5 MB stack): Run moves the work to a large-stack worker.
        var error = await Task.Run(() => Runtime.Run(() =>
            Assert.Throws<PythonException>(() => Runtime.Execute("import json\njson.loads('[' * 100000 + ']' * 100000)"))));
        Assert.Equal("RecursionError", error.PythonType);
        var python = await Task.Run(() => Runtime.Run(() =>
            Assert.Throws<PythonException>(() => Runtime.Execute("def f(n):\n    return f(n + 1)\nf(0)"))));
        Assert.Equal("RecursionError", python.PythonType);
    }
}
