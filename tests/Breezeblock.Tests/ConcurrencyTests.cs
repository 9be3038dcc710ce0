using System.Collections.Concurrent;
using System.Diagnostics;

namespace Breezeblock.Tests;

/// <summary>
/// 16 .NET threads × 500 evaluations at once, mixing good inputs, bad inputs, runaway code cancelled
/// at a random moment, long-lived workspaces and one-shot evaluations: every result equals what a
/// single thread gets for the same input, every failure is the expected error, and a watchdog fails
/// the test rather than let a deadlock hang the run.
/// </summary>
[Collection(nameof(InterpreterStateTests))] // saturates the interpreter: beside it, other tests' deadlines would be a matter of luck
public sealed class ConcurrencyTests(EngineFixture fixture)
{
    private const int Threads = 16;
    private const int EvaluationsPerThread = 500;
    private const string Header = "from breezeblock import configure\n\n";

    [Fact]
    public void Sixteen_threads_evaluating_at_once_get_what_one_thread_gets()
    {
        using var good = new TempFolder(
            ("base.py", Header + "@configure\ndef base(n):\n    return {'n': n, 'squares': [i * i for i in range(n % 7)]}\n"),
            ("web.py", Header + "@configure\ndef web(base, replicas=2):\n    return {'total': sum(base['squares']) + base['n'] * replicas}\n"));
        using var bad = new TempFolder(("app.py", Header + "@configure\ndef broken(n):\n    return 1 // (n - n)\n"));
        using var slow = new TempFolder(("app.py", Header + "@configure\ndef spin(n):\n    while True:\n        n += 1\n"));

        string Expected(int n) => $"{{\"base\":{{\"n\":{n},\"squares\":[{string.Join(",", Enumerable.Range(0, n % 7).Select(i => i * i))}]}},\"web\":{{\"total\":{Enumerable.Range(0, n % 7).Sum(i => i * i) + n * 2}}}}}";

        var failures = new ConcurrentQueue<string>();
        var done = 0;
        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var random = new Random(t);
            using var engine = new ConfigEngine(Options(fixture, n: 0));
            var options = Options(fixture, n: 0);
            using var longLived = new ConfigEngine(options);
            using var workspace = longLived.OpenWorkspace(good.Path);
            for (var i = 0; i < EvaluationsPerThread && failures.IsEmpty; i++)
            {
                var n = random.Next(1, 1000);
                try
                {
                    switch (random.Next(10))
                    {
                        case < 5: // a long-lived workspace, its input changing
                            options.Inputs["n"] = n;
                            using (var result = workspace.Evaluate())
                            {
                                Check(result.ToJson(indented: false), Expected(n), $"workspace n={n}");
                            }
                            break;
                        case < 7: // one evaluation, its own workspace
                            using (var oneShot = new ConfigEngine(Options(fixture, n)))
                            using (var result = oneShot.Evaluate(good.Path))
                            {
                                Check(result.ToJson(indented: false), Expected(n), $"one-shot n={n}");
                            }
                            break;
                        case < 9: // a config that fails
                            using (var failing = new ConfigEngine(Options(fixture, n)))
                            {
                                var error = Assert.Throws<ConfigException>(() => failing.Evaluate(bad.Path)).Errors.Single();
                                Check(error.Message, "ZeroDivisionError: integer division or modulo by zero", $"bad n={n}");
                            }
                            break;
                        default: // runaway code, cancelled at a random moment
                            using (var spinning = new ConfigEngine(Options(fixture, n)))
                            using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(0, 20))))
                            {
                                Assert.ThrowsAny<OperationCanceledException>(() => spinning.Evaluate(slow.Path, cancellationToken: cancel.Token));
                            }
                            break;
                    }
                }
                catch (Exception e)
                {
                    failures.Enqueue($"thread {t}, evaluation {i}: {e}");
                }
            }
            Interlocked.Increment(ref done);
        }) { IsBackground = true, Name = $"evaluator {t}" }).ToList();

        // Should the watchdog below fire, where every Python thread is: faulthandler writes it from a C thread of its own, without the GIL, shortly before.
        using var stacks = new TempFolder();
        var dump = Path.Combine(stacks.Path, "stacks.txt");
        PythonWatchdog($"import faulthandler, sys\nsys._breezeblock_stacks = open({System.Text.Json.JsonSerializer.Serialize(dump)}, 'w')\nfaulthandler.dump_traceback_later(230, file=sys._breezeblock_stacks)");
        var watch = Stopwatch.StartNew();
        workers.ForEach(w => w.Start());
        foreach (var worker in workers)
        {
            var left = TimeSpan.FromMinutes(4) - watch.Elapsed;
            Assert.True(worker.Join(left > TimeSpan.Zero ? left : TimeSpan.Zero),
                $"deadlock or a stuck evaluation: {Volatile.Read(ref done)} of {Threads} threads finished in {watch.Elapsed.TotalSeconds:0} s; the Python threads at 230 s:\n{(File.Exists(dump) ? File.ReadAllText(dump) : "(no dump)")}");
        }
        PythonWatchdog("import faulthandler, sys\nfaulthandler.cancel_dump_traceback_later()\nsys._breezeblock_stacks.close()");
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures.Take(3)));
    }

    private void PythonWatchdog(string code)
    {
        using (fixture.Runtime.Acquire())
        {
            using var globals = fixture.Runtime.CreateGlobals();
            fixture.Runtime.Execute(code, "<watchdog>", globals).Dispose();
        }
    }

    private static ConfigOptions Options(EngineFixture fixture, int n)
    {
        var options = fixture.Options();
        options.Inputs["n"] = n;
        return options;
    }

    private static void Check(string actual, string expected, string what)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"{what}: expected {expected}, got {actual}");
        }
    }
}
