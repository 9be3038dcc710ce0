using System.Text.RegularExpressions;
using Breezeblock.Python;

namespace Breezeblock.Tests;

/// <summary>
/// The engine's own Python (bytecode cache, read tracking, interpreter state, output, secrets) tested as
/// Python: the unittest files in EmbeddedPython/ run in this process against the very modules the
/// engine made, put into sys.modules under their names for the run.
/// </summary>
[Collection(nameof(InterpreterStateTests))] // they swap sys.stdout, sys.modules and the import hooks for a moment
public sealed partial class EmbeddedPythonTests(EngineFixture fixture)
{
    private const string Driver = """
        import io, sys, unittest

        def run(path, modules):
            saved = {name: sys.modules.get(name) for name in modules}
            sys.modules.update(modules)
            try:
                namespace = {"__name__": "embedded_test", "__file__": path}
                with open(path, encoding="utf-8") as file:
                    exec(compile(file.read(), path, "exec"), namespace)
                loader = unittest.defaultTestLoader
                suite = unittest.TestSuite(loader.loadTestsFromTestCase(case) for case in namespace.values()
                                           if isinstance(case, type) and issubclass(case, unittest.TestCase))
                stream = io.StringIO()
                result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
                return result.testsRun, len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses), stream.getvalue()
            finally:
                for name, module in saved.items():
                    if module is None:
                        sys.modules.pop(name, None)
                    else:
                        sys.modules[name] = module
        """;

    [Theory]
    [InlineData("test_bytecode_cache.py")]
    [InlineData("test_read_tracking.py")]
    [InlineData("test_interpreter_state.py")]
    [InlineData("test_output.py")]
    [InlineData("test_secrets.py")]
    public void The_embedded_modules_pass_their_tests(string file)
    {
        var path = Path.Combine(Repository.Root, "tests", "Breezeblock.Tests", "EmbeddedPython", file);
        var declared = TestMethod().Count(File.ReadAllText(path));
        using var gil = fixture.Runtime.Acquire();
        var loader = LoaderModule.Get(fixture.Runtime);
        using var globals = fixture.Runtime.Evaluate("{}");
        fixture.Runtime.Execute(Driver, "<embedded tests>", globals).Dispose();
        using var modules = fixture.Runtime.Evaluate("{}");
        foreach (var (name, module) in loader.Modules)
        {
            modules.SetItem(name, module);
        }
        modules.SetItem(BreezeblockModule.Name, BreezeblockModule.Get(fixture.Runtime).Module);
        using var run = globals.GetItem("run");
        using var outcome = run.Call(path, modules);
        using var ran = outcome.GetItem(0);
        using var failed = outcome.GetItem(1);
        using var report = outcome.GetItem(2);
        Assert.True(failed.As<long>() == 0, report.As<string>());
        Assert.Equal(declared, ran.As<long>()); // every test in the file ran: none hid behind a broken class
    }

    [GeneratedRegex(@"^    def test_", RegexOptions.Multiline)]
    private static partial Regex TestMethod();
}
