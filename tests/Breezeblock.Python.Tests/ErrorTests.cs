namespace Breezeblock.Python.Tests;

[Trait("Category", "Smoke")]
public sealed class ErrorTests(PythonFixture python)
{
    private PythonRuntime Runtime => python.Runtime;

    [Fact]
    public void A_python_exception_carries_type_message_and_traceback_frames()
    {
        using var _ = Runtime.Acquire();
        var error = Assert.Throws<PythonException>(() => Runtime.Execute("""
            def check_port(port):
                if port > 65535:
                    raise ValueError(f"port {port} is out of range")

            def web():
                check_port(70000)

            web()
            """, "/configs/svc.py"));
        Assert.Equal("ValueError", error.PythonType);
        Assert.Equal("port 70000 is out of range", error.PythonMessage);
        Assert.Equal("ValueError: port 70000 is out of range", error.Message);
        Assert.Equal(
            [
                new PythonStackFrame("/configs/svc.py", 8, "<module>", "web()") with { Column = Since311(1), EndColumn = Since311(6), EndLine = Since311(8) },
                new PythonStackFrame("/configs/svc.py", 6, "web", "check_port(70000)") with { Column = Since311(5), EndColumn = Since311(22), EndLine = Since311(6) },
                new PythonStackFrame("/configs/svc.py", 3, "check_port", "raise ValueError(f\"port {port} is out of range\")") with { Column = Since311(9), EndColumn = Since311(57), EndLine = Since311(3) },
            ],
            error.Traceback);
        Assert.Equal("""
            Traceback (most recent call last):
              File "/configs/svc.py", line 8, in <module>
                web()
              File "/configs/svc.py", line 6, in web
                check_port(70000)
              File "/configs/svc.py", line 3, in check_port
                raise ValueError(f"port {port} is out of range")
            ValueError: port 70000 is out of range
            """, error.FormatTraceback(), ignoreLineEndingDifferences: true);
    }

    [Fact]
    public void Exception_types_outside_builtins_are_qualified()
    {
        using var _ = Runtime.Acquire();
        var error = Assert.Throws<PythonException>(() => Runtime.Execute("import json\njson.loads('{')"));
        Assert.Equal("json.decoder.JSONDecodeError", error.PythonType);
        var custom = Assert.Throws<PythonException>(() => Runtime.Execute("class Boom(Exception): pass\nraise Boom('x')"));
        Assert.Equal("Boom", custom.PythonType);
    }

    [Fact]
    public void The_cause_of_an_exception_becomes_the_inner_exception()
    {
        using var _ = Runtime.Acquire();
        var error = Assert.Throws<PythonException>(() => Runtime.Execute("""
            try:
                {}['missing']
            except KeyError as e:
                raise RuntimeError('lookup failed') from e
            """));
        Assert.Equal("RuntimeError: lookup failed", error.Message);
        var inner = Assert.IsType<PythonException>(error.InnerException);
        Assert.Equal("KeyError", inner.PythonType);
        Assert.Equal("'missing'", inner.PythonMessage);
    }

    [Fact]
    public void A_syntax_error_points_at_file_line_and_column()
    {
        using var _ = Runtime.Acquire();
        var error = Assert.Throws<PythonException>(() => Runtime.Compile("x = 1\ny = 2 +* 3\n", "broken.py"));
        Assert.Equal("SyntaxError", error.PythonType);
        var syntax = Assert.IsType<PythonSyntaxErrorDetails>(error.SyntaxError);
        Assert.Equal("broken.py", syntax.FileName);
        Assert.Equal(2, syntax.Line);
        Assert.Equal(8, syntax.Column);
        Assert.Equal("y = 2 +* 3", syntax.Text);
        Assert.Equal("invalid syntax", error.PythonMessage);
    }

    [Fact]
    public void Sys_exit_is_an_ordinary_error_and_the_host_lives_on()
    {
        using var _ = Runtime.Acquire();
        var error = Assert.Throws<PythonException>(() => Runtime.Execute("import sys\nsys.exit(3)"));
        Assert.Equal("SystemExit", error.PythonType);
        Assert.Equal("3", error.PythonMessage);
        var interrupt = Assert.Throws<PythonException>(() => Runtime.Execute("raise KeyboardInterrupt"));
        Assert.Equal("KeyboardInterrupt", interrupt.PythonType);
        using var alive = Runtime.Evaluate("1 + 1");
        Assert.Equal(2L, alive.As<long>());
    }

    [Fact]
    public void A_dotnet_exception_in_a_callback_is_catchable_in_python_at_the_calling_line()
    {
        using var _ = Runtime.Acquire();
        using var fail = PyFunction.Create("fail", (string message) => (long)(message.Length > 0 ? throw new ArgumentException(message) : 0));
        using var globals = Runtime.CreateGlobals();
        globals.SetItem("fail", fail);
        Runtime.Execute("""
            try:
                fail("bad value")
            except ValueError as e:
                caught = str(e)
            """, "<callback>", globals).Dispose();
        Assert.Equal("bad value", globals.GetItem("caught").As<string>());
    }

    [Fact]
    public void A_dotnet_exception_that_crosses_python_comes_back_as_the_inner_exception()
    {
        using var _ = Runtime.Acquire();
        var original = new InvalidOperationException("vault is sealed");
        using var fail = PyFunction.Create<long>("secret", () => throw original);
        using var globals = Runtime.CreateGlobals();
        globals.SetItem("secret", fail);
        var error = Assert.Throws<PythonException>(() => Runtime.Execute("def web():\n    return secret()\nweb()", "/app/web.py", globals));
        Assert.Equal("RuntimeError", error.PythonType);
        Assert.Equal("InvalidOperationException: vault is sealed", error.PythonMessage);
        Assert.Same(original, error.InnerException);
        Assert.Equal(new PythonStackFrame("/app/web.py", 2, "web", "return secret()") with { Column = Since311(12), EndColumn = Since311(20), EndLine = Since311(2) }, error.Traceback[^1]);
    }

    [Fact]
    public void Columns_count_characters_not_the_utf8_bytes_python_gives()
    {
        using var _ = Runtime.Acquire();
        var error = Assert.Throws<PythonException>(() => Runtime.Execute("label = 'é€😀'; value = 1 / 0", "/configs/wide.py"));
        var frame = error.Traceback[^1];
        Assert.Equal((Since311(25), Since311(30)), (frame.Column, frame.EndColumn));
        if (frame.Column > 0)
        {
            Assert.Equal("1 / 0", frame.SourceLine![(frame.Column - 1)..(frame.EndColumn - 1)]);
        }
    }

    // Python 3.11 and newer say where on the line an instruction is; older versions do not (0).
    private int Since311(int column) => Runtime.Version >= new Version(3, 11) ? column : 0;

    [Theory]
    [InlineData("key", "KeyError")]
    [InlineData("cast", "TypeError")]
    [InlineData("overflow", "OverflowError")]
    [InlineData("notimpl", "NotImplementedError")]
    [InlineData("missing", "FileNotFoundError")]
    [InlineData("raised", "AttributeError")]
    public void Dotnet_exception_types_map_to_python_exception_types(string kind, string pythonType)
    {
        using var _ = Runtime.Acquire();
        using var fail = PyFunction.Create<string, long>("fail", k => throw (k switch
        {
            "key" => new KeyNotFoundException("k"),
            "cast" => new InvalidCastException("c"),
            "overflow" => new OverflowException("o"),
            "notimpl" => new NotImplementedException("n"),
            "missing" => new FileNotFoundException("f"),
            _ => (Exception)PythonErrorException.AttributeError("a"),
        }));
        using var globals = Runtime.CreateGlobals();
        globals.SetItem("fail", fail);
        globals.SetItem("kind", kind);
        Runtime.Execute("try:\n    fail(kind)\nexcept Exception as e:\n    name = type(e).__name__", "<map>", globals).Dispose();
        Assert.Equal(pythonType, globals.GetItem("name").As<string>());
    }

    [Fact]
    public void A_python_exception_passing_through_a_callback_is_reraised_as_itself()
    {
        using var _ = Runtime.Acquire();
        using var globals = Runtime.Execute("class Custom(Exception): pass\ndef inner():\n    raise Custom('deep')");
        using var inner = globals.GetItem("inner");
        using var relay = PyFunction.Create("relay", () => inner.Invoke());
        globals.SetItem("relay", relay);
        Runtime.Execute("try:\n    relay()\nexcept Custom as e:\n    seen = repr(e)", "<relay>", globals).Dispose();
        Assert.Equal("Custom('deep')", globals.GetItem("seen").As<string>());
    }

    [Fact]
    public void Source_of_virtual_files_appears_in_tracebacks()
    {
        using var _ = Runtime.Acquire();
        var error = Assert.Throws<PythonException>(() => Runtime.Execute("x = 1\nx.nope", "<virtual config>"));
        Assert.Equal("x.nope", error.Traceback[^1].SourceLine);
        Assert.Equal("AttributeError", error.PythonType);
    }
}
