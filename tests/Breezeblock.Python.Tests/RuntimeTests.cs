namespace Breezeblock.Python.Tests;

[Trait("Category", "Smoke")]
public sealed class RuntimeTests(PythonFixture python)
{
    [Fact]
    public void Initialize_again_returns_the_running_runtime()
    {
        Assert.Same(python.Runtime, PythonRuntime.Initialize());
        Assert.Same(python.Runtime, PythonRuntime.Initialize(new PythonOptions { Path = python.Runtime.Installation.LibraryPath }));
        Assert.True(PythonRuntime.IsInitialized);
    }

    [Fact]
    public void Asking_for_a_different_python_once_one_runs_is_a_clear_error()
    {
        var running = python.Runtime.Installation.LibraryPath;
        var other = Directory.EnumerateDirectories(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv", "versions"))
            .SelectMany(v => Directory.EnumerateFiles(Path.Combine(v, "lib"), "libpython3.*.so.1.0"))
            .Concat(Directory.EnumerateFiles("/usr/lib/x86_64-linux-gnu", "libpython3.*.so.1.0"))
            .FirstOrDefault(l => Resolve(l) != Resolve(running) && PythonLocator.TryParseLibraryName(Path.GetFileName(l), out _, out var unsupported) && unsupported is null);
        Assert.SkipWhen(other is null, "this machine has only one Python");
        var error = Assert.Throws<PythonStartException>(() => PythonRuntime.Initialize(new PythonOptions { Path = other }));
        Assert.StartsWith($"Python {python.Runtime.Version} ({running}) already runs in this process, and CPython cannot be loaded twice; {other} was requested.", error.Message);
    }

    private static string Resolve(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);

    [Fact]
    public void Module_search_paths_come_first_on_sys_path()
    {
        using var _ = python.Runtime.Acquire();
        using var path = python.Runtime.Evaluate("__import__('sys').path");
        var entries = Assert.IsType<List<object?>>(path.ToManaged());
        Assert.Equal(python.SearchPath, entries[0]);
        Assert.Contains(entries, e => e is string s && s.Contains($"python{python.Runtime.Version.Major}.{python.Runtime.Version.Minor}", StringComparison.Ordinal));
        using var probe = python.Runtime.Evaluate("__import__('breezeblock_search_path_probe').WHERE");
        Assert.Equal("the fixture's search path", probe.As<string>());
    }
}
