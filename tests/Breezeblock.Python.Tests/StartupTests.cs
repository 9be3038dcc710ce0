namespace Breezeblock.Python.Tests;

[Trait("Category", "Smoke")]
public sealed class StartupTests(PythonFixture python)
{
    [Fact]
    public void Python_reports_the_version_of_the_loaded_library()
    {
        using var _ = python.Runtime.Acquire();
        using var sys = python.Runtime.Import("sys");
        using var info = sys.GetAttr("version_info");
        var reported = new Version((int)info.GetItem(0).As<long>(), (int)info.GetItem(1).As<long>(), (int)info.GetItem(2).As<long>());
        Assert.Equal(python.Runtime.Version, reported);
    }

    [Fact]
    public void Python_starts_isolated_in_utf8_mode_with_argv()
    {
        using var _ = python.Runtime.Acquire();
        using var globals = python.Runtime.Execute("""
            import sys
            flags = (sys.flags.utf8_mode, sys.flags.isolated, sys.flags.ignore_environment)
            argv = sys.argv
            executable = sys.executable
            """);
        Assert.Equal(new object?[] { 1L, 1L, 1L }, globals.GetItem("flags").ToManaged());
        Assert.Equal(new List<object?> { "" }, globals.GetItem("argv").ToManaged());
        Assert.Equal(python.Runtime.Installation.ProgramPath, globals.GetItem("executable").As<string>());
    }

    [Fact]
    public void C_extensions_load()
    {
        using var _ = python.Runtime.Acquire();
        using var globals = python.Runtime.Execute("""
            import ctypes, json, sqlite3, decimal
            result = (ctypes.sizeof(ctypes.c_int64), json.dumps({"a": 1}), sqlite3.connect(":memory:").execute("select 40 + 2").fetchone()[0], str(decimal.Decimal("1.10") + 1))
            """);
        Assert.Equal(new object?[] { 8L, "{\"a\": 1}", 42L, "2.10" }, globals.GetItem("result").ToManaged());
    }
}
