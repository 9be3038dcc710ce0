namespace Breezeblock.Tests;

/// <summary>
/// <see cref="ConfigOptions.Timeout"/> and cancellation stop running Python, report where it was,
/// and leave the workspace usable; code that cannot be stopped is given up on, and only its workspace.
/// </summary>
[Trait("Category", "Smoke")]
[Collection(nameof(InterpreterStateTests))] // a deadline counts the wait for another evaluation, so none may run beside these
public sealed class DeadlineTests(EngineFixture fixture)
{
    private const string Header = "from breezeblock import configure\n\n";

    private ConfigEngine Engine(TimeSpan timeout)
    {
        var options = fixture.Options();
        options.Timeout = timeout;
        return new ConfigEngine(options);
    }

    [Fact]
    public void A_runaway_loop_is_stopped_at_its_line_and_the_workspace_evaluates_again()
    {
        using var folder = new TempFolder(
            ("base.py", Header + "@configure\ndef base():\n    return 1\n"),
            ("spin.py", Header + "@configure\ndef spin(base):\n    n = 0\n    while True:\n        n += base\n"));
        using var engine = Engine(TimeSpan.FromSeconds(2)); // long enough for loading to be over on a loaded machine, so the stop lands in the loop
        using var workspace = engine.OpenWorkspace(folder.Path);
        var error = Assert.Throws<ConfigException>(() => workspace.Evaluate()).Errors.Single();
        Assert.Equal(ConfigErrorKind.Timeout, error.Kind);
        Assert.Equal("config 'spin' did not finish within the time limit (2 s) and was stopped here", error.Message);
        Assert.Equal("spin", error.ConfigName);
        Assert.Contains(error.Location!.ToString(), (string[])["spin.py:6", "spin.py:7"]);
        Assert.Equal(Messages.TimeoutHint, error.Hint);

        folder.Write("spin.py", Header + "@configure\ndef spin(base):\n    return base + 1\n");
        using var result = workspace.Evaluate();
        Assert.Equal(2L, result.Get("spin"));
        Assert.Equal(["spin"], result.Report.Ran); // base was kept: the stop left the workspace's results as they were
    }

    [Fact]
    public void A_loop_in_a_module_body_is_stopped_and_the_next_evaluation_loads_from_scratch()
    {
        using var folder = new TempFolder(("app.py", Header + "while True:\n    pass\n"));
        using var engine = Engine(TimeSpan.FromSeconds(2));
        using var workspace = engine.OpenWorkspace(folder.Path);
        var error = Assert.Throws<ConfigException>(() => workspace.Evaluate()).Errors.Single();
        Assert.Equal(ConfigErrorKind.Timeout, error.Kind);
        Assert.Contains(error.Location!.ToString(), (string[])["app.py:3", "app.py:4"]); // the loop's test or its body, as the version counts lines
        Assert.Equal("the evaluation did not finish within the time limit (2 s) and was stopped here, while importing app.py", error.Message);
        folder.Write("app.py", Header + "@configure\ndef fine():\n    return 'ok'\n");
        using var result = workspace.Evaluate();
        Assert.Equal("ok", result.Get("fine"));
    }

    [Fact]
    public void Cancelling_stops_running_python_with_OperationCanceledException()
    {
        using var folder = new TempFolder(("spin.py", Header + "@configure\ndef spin():\n    while True:\n        pass\n\n@configure\ndef other():\n    return 3\n"));
        using var engine = new ConfigEngine(fixture.Options());
        using var workspace = engine.OpenWorkspace(folder.Path);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Assert.ThrowsAny<OperationCanceledException>(() => workspace.Evaluate(cancellationToken: cancel.Token));
        using var result = workspace.Evaluate(["other"]);
        Assert.Equal(3L, result.Get("other"));
    }

    [Fact]
    public void Evaluations_that_finish_in_time_are_not_disturbed_by_the_deadline()
    {
        using var folder = new TempFolder(("app.py", Header + "@configure\ndef a():\n    return sum(range(1000))\n\n@configure\ndef b(a):\n    return [a] * 3\n"));
        using var engine = Engine(TimeSpan.FromSeconds(30));
        using var workspace = engine.OpenWorkspace(folder.Path);
        for (var i = 0; i < 20; i++)
        {
            workspace.Invalidate();
            using var result = workspace.Evaluate();
            Assert.Equal("{\"a\":499500,\"b\":[499500,499500,499500]}", result.ToJson(indented: false));
        }
    }

    [Fact]
    public void Code_blocked_in_a_call_is_given_up_on_with_its_workspace_and_other_workspaces_go_on()
    {
        using var blocked = new TempFolder(("sleepy.py", "import time\n" + Header + "@configure\ndef sleepy():\n    time.sleep(6)\n    return 1\n"));
        using var other = new TempFolder(("app.py", Header + "@configure\ndef fine():\n    return 'ok'\n"));
        using var engine = Engine(TimeSpan.FromSeconds(1));
        var workspace = engine.OpenWorkspace(blocked.Path);
        var error = Assert.Throws<ConfigException>(() => workspace.Evaluate()).Errors.Single();
        Assert.Equal((ConfigErrorKind.Unstoppable, "sleepy.py:6"), (error.Kind, error.Location?.ToString()));
        Assert.Equal("config 'sleepy' did not finish within the time limit (1 s) and could not be stopped: it is blocked in a call that does not return to Python", error.Message);
        Assert.Equal(Messages.UnstoppableHint(null), error.Hint);

        var again = Assert.Throws<ConfigException>(() => workspace.Evaluate()).Errors.Single();
        Assert.Equal(ConfigErrorKind.Unstoppable, again.Kind);
        Assert.Equal(Messages.WorkspaceAbandoned(error.Message), again.Message);
        workspace.Dispose();

        using var result = engine.Evaluate(other.Path); // the lock was handed on: the process goes on
        Assert.Equal("ok", result.Get("fine"));
    }

    [Fact]
    public void Code_that_swallows_the_interruption_is_given_up_on_and_says_so()
    {
        using var folder = new TempFolder(("stubborn.py", Header + "@configure\ndef stubborn():\n    n = 0\n    while True:\n        try:\n            while True:  # a few seconds, then it ends rather than spin beside the other tests\n                n += 1\n                if n > 100_000_000:\n                    return n\n        except BaseException:\n            pass\n"));
        using var engine = Engine(TimeSpan.FromSeconds(1)); // loading is over by then on a loaded machine: the stop lands in the loop
        var workspace = engine.OpenWorkspace(folder.Path);
        var error = Assert.Throws<ConfigException>(() => workspace.Evaluate()).Errors.Single();
        Assert.Equal(ConfigErrorKind.Unstoppable, error.Kind);
        Assert.EndsWith("could not be stopped: it catches the interruption and goes on (an `except BaseException:` that does not re-raise)", error.Message);
        Assert.StartsWith("stubborn.py:", error.Location!.ToString());
        workspace.Dispose();
    }

    [Fact]
    public async Task A_blocked_config_is_given_up_on_even_while_every_worker_waits_for_it()
    {
        using var sleeping = new ManualResetEventSlim();
        using var blocked = new TempFolder(("sleepy.py", "import time\nfrom signals import asleep\n" + Header + "@configure\ndef sleepy():\n    asleep()\n    time.sleep(4)\n    return 1\n"));
        using var other = new TempFolder(("app.py", Header + "@configure\ndef fine():\n    return 'ok'\n"));
        var options = fixture.Options();
        options.Timeout = TimeSpan.FromSeconds(1);
        options.AddHostModule("signals", module => module.AddFunction("asleep", () => sleeping.Set()));
        using var engine = new ConfigEngine(options);
        var workspace = engine.OpenWorkspace(blocked.Path);
        var stuck = Task.Run(() => workspace.Evaluate());
        sleeping.Wait(TestContext.Current.CancellationToken); // sleepy holds the evaluation lock from here on
        using var patient = new ConfigEngine(fixture.Options()); // no deadline: these wait as long as it takes
        var waiting = Enumerable.Range(0, 2 * Math.Max(4, Environment.ProcessorCount * 2))
            .Select(_ => Task.Run(() =>
            {
                using var result = patient.Evaluate(other.Path); // each waits for the lock on a Python worker
                return result.Get("fine");
            })).ToList();

        var error = (await Assert.ThrowsAsync<ConfigException>(() => stuck)).Errors.Single();
        Assert.Equal((ConfigErrorKind.Unstoppable, "sleepy.py:8"), (error.Kind, error.Location?.ToString()));
        Assert.EndsWith("it is blocked in a call that does not return to Python", error.Message);
        Assert.All(await Task.WhenAll(waiting), value => Assert.Equal("ok", value));
        workspace.Dispose();
    }

    // A host function is C code to Python, and one that does not return holds the GIL as a C loop does
    // (sum(range(10**11))): nothing may wait for the GIL to stop it. The test lets it go at the end.
    private static ConfigOptions HoldingTheInterpreter(ConfigOptions options, ManualResetEventSlim holding, ManualResetEventSlim release)
    {
        options.AddHostModule("native", module => module.AddFunction("hold", () =>
        {
            holding.Set();
            release.Wait(); // keeps the GIL: a .NET callback gives it up only through AllowThreads
        }));
        return options;
    }

    private const string Holds = "from native import hold\n" + Header + "@configure\ndef busy():\n    hold()\n    return 1\n";

    [Fact(Timeout = 120_000)] // a hang guard only: the evaluation must end long before
    public async Task A_deadline_gives_up_on_code_that_holds_the_interpreter_in_C()
    {
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var folder = new TempFolder(("busy.py", Holds));
        var options = HoldingTheInterpreter(fixture.Options(), holding, release);
        options.Timeout = TimeSpan.FromSeconds(1);
        using var engine = new ConfigEngine(options);
        var workspace = engine.OpenWorkspace(folder.Path);
        try
        {
            var error = (await Task.Run(() => Assert.Throws<ConfigException>(() => workspace.Evaluate()), TestContext.Current.CancellationToken)).Errors.Single();
            Assert.False(release.IsSet); // it returned while the call still held the interpreter
            Assert.Equal(ConfigErrorKind.Unstoppable, error.Kind);
            Assert.Equal(Messages.Unstoppable("busy", TimeSpan.FromSeconds(1), UnstoppableReason.HoldsInterpreter), error.Message);
            Assert.Equal(("busy", "busy.py:5"), (error.ConfigName, error.Location?.ToString())); // where the config is: Python cannot be asked where it runs
        }
        finally
        {
            release.Set();
            workspace.Dispose();
        }
    }

    [Fact(Timeout = 120_000)] // a hang guard only
    public async Task Cancelling_returns_at_once_while_code_holds_the_interpreter_and_the_evaluation_is_given_up_on()
    {
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var folder = new TempFolder(("busy.py", Holds));
        using var engine = new ConfigEngine(HoldingTheInterpreter(fixture.Options(), holding, release));
        var workspace = engine.OpenWorkspace(folder.Path);
        using var cancel = new CancellationTokenSource();
        try
        {
            var evaluation = workspace.EvaluateAsync(cancellationToken: cancel.Token);
            holding.Wait(TestContext.Current.CancellationToken);
            await Task.Run(cancel.Cancel, TestContext.Current.CancellationToken); // returns: it never waits for the GIL
            var error = (await Assert.ThrowsAsync<ConfigException>(() => evaluation)).Errors.Single();
            Assert.False(release.IsSet);
            Assert.Equal(Messages.Unstoppable("busy", null, UnstoppableReason.HoldsInterpreter), error.Message);
        }
        finally
        {
            release.Set();
            workspace.Dispose();
        }
    }
}
