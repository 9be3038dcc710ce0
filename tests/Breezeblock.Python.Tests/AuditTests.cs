namespace Breezeblock.Python.Tests;

/// <summary>
/// Runs alone: an audit handler sees every thread's events, and one that refuses os.listdir makes an
/// import on another thread find nothing (its directory listing comes back empty and is cached).
/// </summary>
[CollectionDefinition(nameof(AuditTests), DisableParallelization = true)]
public sealed class AuditGroup;

/// <summary>Audit events (PEP 578) reach .NET handlers for the events they name, and only those.</summary>
[Collection(nameof(AuditTests))]
[Trait("Category", "Smoke")]
public sealed class AuditTests(PythonFixture python)
{
    private PythonRuntime Runtime => python.Runtime;

    [Fact]
    public void A_subscribed_event_arrives_with_its_arguments_and_others_do_not()
    {
        var file = Path.GetTempFileName();
        var seen = new List<(string, string)>();
        using (Runtime.Acquire())
        {
            using (PythonAudit.Subscribe(["open"], (name, arguments) => seen.Add((name, arguments.Repr()))))
            {
                using var globals = Runtime.CreateGlobals();
                globals.SetItem("path", file);
                Runtime.Execute("id(1)\nopen(path).close()\nimport os\nos.listdir('/')", "<audit test>", globals).Dispose();
            }
            using var after = Runtime.CreateGlobals();
            after.SetItem("path", file);
            Runtime.Execute("open(path).close()", "<audit test>", after).Dispose();
        }
        File.Delete(file);
        Assert.All(seen, e => Assert.Equal("open", e.Item1)); // never builtins.id or os.listdir
        Assert.Equal([$"('{file}', 'r', 524288)"], seen.Select(e => e.Item2).Where(a => a.Contains(file, StringComparison.Ordinal))); // once: not after Dispose
    }

    [Fact]
    public void A_handler_that_throws_stops_the_operation_with_a_python_exception()
    {
        using (Runtime.Acquire())
        {
            using var refusal = PythonAudit.Subscribe(["os.listdir"], (_, arguments) => throw new UnauthorizedAccessException($"listing {arguments.Repr()} is not allowed here"));
            var error = Assert.Throws<PythonException>(() => Runtime.Execute("import os\ntry:\n    os.listdir('/tmp')\nexcept PermissionError as e:\n    raise ValueError(f'caught: {e}')\n", "<audit test>").Dispose());
            Assert.Equal("ValueError: caught: listing ('/tmp',) is not allowed here", error.Message);
        }
    }
}
