namespace Breezeblock.Python.Tests;

public sealed class LocatorTests
{
    [Fact]
    public void Nothing_found_lists_every_place_tried_and_what_to_install()
    {
        var error = Assert.Throws<PythonNotFoundException>(() => PythonLocator.Locate(null, new FakeMachine()));
        Assert.Equal("""
            no usable Python was found (Breezeblock needs CPython 3.9 or newer with its shared library, libpython3.X.so)
            looked in:
              - BREEZEBLOCK_PYTHON: not set
              - VIRTUAL_ENV: not set
              - python3 on PATH: not found
              - python on PATH: not found
              - /usr/lib/x86_64-linux-gnu/libpython3.*.so*: no match
              - /usr/lib64/libpython3.*.so*: no match
              - /usr/lib/libpython3.*.so*: no match
              - /usr/local/lib/libpython3.*.so*: no match
            to fix: apt-get install libpython3.11 (or the libpython3.X that matches your python3); with pyenv, build with `env PYTHON_CONFIGURE_OPTS=--enable-shared pyenv install 3.12`; or set BREEZEBLOCK_PYTHON to a libpython3.X.so, a python executable or a virtual environment
            """, error.Message, ignoreLineEndingDifferences: true);
    }

    [Fact]
    public void A_python_without_its_shared_library_names_the_package_to_install()
    {
        var machine = new FakeMachine { Distribution = "ubuntu debian" }.WithInstallation("/usr", "3.12.3", shared: false);
        var error = Assert.Throws<PythonNotFoundException>(() => PythonLocator.Locate(null, machine));
        Assert.Contains("  - python3 on PATH (/usr/bin/python3): is Python 3.12.3, built without a shared library (libpython3.12.so)", error.Message);
        Assert.Contains("to fix: apt-get install libpython3.12;", error.Message);
        machine.Distribution = "fedora";
        Assert.Contains("to fix: dnf install python3-libs;", Assert.Throws<PythonNotFoundException>(() => PythonLocator.Locate(null, machine)).Message);
    }

    [Fact]
    public void Python3_on_path_is_asked_where_its_library_is()
    {
        var machine = new FakeMachine().WithInstallation("/opt/py", "3.11.7");
        machine.Variables["PATH"] = "/opt/py/bin:/usr/bin";
        var found = PythonLocator.Locate(null, machine);
        Assert.Equal(new PythonInstallation("/opt/py/lib/libpython3.11.so.1.0", "/opt/py/bin/python3.11", new Version(3, 11, 7), "python3 on PATH"), found);
    }

    [Fact]
    public void The_environment_variable_wins_and_may_name_a_library_file()
    {
        var machine = new FakeMachine().WithInstallation("/opt/py", "3.11.7").WithInstallation("/opt/other", "3.13.0");
        machine.Variables["PATH"] = "/opt/py/bin";
        machine.Variables["BREEZEBLOCK_PYTHON"] = "/opt/other/lib/libpython3.13.so.1.0";
        var found = PythonLocator.Locate(null, machine);
        Assert.Equal(new PythonInstallation("/opt/other/lib/libpython3.13.so.1.0", "/opt/other/bin/python3.13", new Version(3, 13), "BREEZEBLOCK_PYTHON"), found);
    }

    [Fact]
    public void A_chosen_python_that_does_not_work_is_an_error_not_a_fallback()
    {
        var machine = new FakeMachine().WithInstallation("/usr", "3.11.2");
        machine.Variables["BREEZEBLOCK_PYTHON"] = "/nowhere/python3";
        var error = Assert.Throws<PythonNotFoundException>(() => PythonLocator.Locate(null, machine));
        Assert.Equal([new LocatorAttempt("BREEZEBLOCK_PYTHON (/nowhere/python3)", "does not exist")], error.Attempts);
        var requested = Assert.Throws<PythonNotFoundException>(() => PythonLocator.Locate("/tmp", machine.WithFiles("/tmp/readme")));
        Assert.Contains("is a folder, but neither a virtual environment nor a Python installation", requested.Attempts.Single().Outcome);
    }

    [Fact]
    public void A_chosen_file_that_is_neither_a_library_nor_a_program_is_refused_without_being_run()
    {
        var machine = new FakeMachine().WithFiles("/etc/passwd");
        machine.NotExecutable.Add("/etc/passwd");
        machine.Variables["BREEZEBLOCK_PYTHON"] = "/etc/passwd";
        var error = Assert.Throws<PythonNotFoundException>(() => PythonLocator.Locate(null, machine));
        Assert.Equal([new LocatorAttempt("BREEZEBLOCK_PYTHON (/etc/passwd)", "is neither a libpython3.X.so nor a python executable (it is a file that cannot be run)")], error.Attempts);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_program_that_cannot_be_started_says_why_in_a_few_words()
    {
        var script = Path.Combine(Path.GetTempPath(), $"breezeblock-not-a-program-{Guid.NewGuid():N}");
        File.WriteAllText(script, "this is text, not a program\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            Assert.Null(LocatorEnvironment.Machine.Probe(script, out var failure));
            Assert.DoesNotContain("An error occurred", failure); // the runtime's wording around the system's
            Assert.DoesNotContain(script, failure); // the place is named by the search, once
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void A_virtual_environment_runs_as_its_own_python_with_the_base_library()
    {
        var machine = new FakeMachine().WithInstallation("/opt/py", "3.11.7").WithFiles("/work/venv/bin/python3", "/work/venv/pyvenv.cfg");
        machine.Probes["/work/venv/bin/python3"] = machine.Probes["/opt/py/bin/python3"] with { Executable = "/work/venv/bin/python3", Prefix = "/work/venv" };
        machine.Variables["VIRTUAL_ENV"] = "/work/venv";
        var found = PythonLocator.Locate(null, machine);
        Assert.Equal(new PythonInstallation("/opt/py/lib/libpython3.11.so.1.0", "/work/venv/bin/python3", new Version(3, 11, 7), "VIRTUAL_ENV"), found);
    }

    [Fact]
    public void Too_old_and_free_threaded_pythons_are_refused_with_reasons()
    {
        var machine = new FakeMachine().WithInstallation("/usr", "3.8.18");
        var old = Assert.Throws<PythonNotFoundException>(() => PythonLocator.Locate(null, machine));
        Assert.Contains("  - python3 on PATH (/usr/bin/python3): is Python 3.8.18; Breezeblock needs 3.9 or newer", old.Message);
        machine.Probes["/usr/bin/python3"] = machine.Probes["/usr/bin/python3"] with { Version = new Version(3, 13, 0), GilDisabled = true };
        var freeThreaded = Assert.Throws<PythonNotFoundException>(() => PythonLocator.Locate(null, machine));
        Assert.Contains("is a free-threaded build (no GIL), which Breezeblock does not support", freeThreaded.Message);
    }

    [Fact]
    public void Well_known_locations_give_the_newest_supported_library()
    {
        var machine = new FakeMachine().WithFiles(
            "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0",
            "/usr/lib/python3.11/os.py",
            "/usr/bin/python3.11",
            "/home/user/.pyenv/versions/3.13.0/lib/libpython3.13t.so",
            "/home/user/.pyenv/versions/3.12.1/lib/libpython3.12.so.1.0",
            "/home/user/.pyenv/versions/3.12.1/lib/python3.12/os.py");
        var found = PythonLocator.Locate(null, machine);
        Assert.Equal(new PythonInstallation("/home/user/.pyenv/versions/3.12.1/lib/libpython3.12.so.1.0", "/home/user/.pyenv/versions/3.12.1/bin/python3.12", new Version(3, 12), "well-known location"), found);
    }

    [Fact]
    public void A_library_without_its_standard_library_is_refused()
    {
        var machine = new FakeMachine().WithFiles("/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0");
        var error = Assert.Throws<PythonNotFoundException>(() => PythonLocator.Locate(null, machine));
        Assert.Contains("  - well-known location (/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0): has no standard library next to it (looked for /usr/lib/python3.11/os.py)", error.Message);
    }

    [Fact]
    public void A_standard_layout_is_recognized_without_asking_python()
    {
        var machine = new FakeMachine()
            .WithFiles("/usr/bin/python3.11", "/usr/lib/python3.11/os.py", "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0")
            .WithLink("/usr/bin/python3", "/usr/bin/python3.11");
        var found = PythonLocator.Locate(null, machine);
        Assert.Equal(new PythonInstallation("/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", "/usr/bin/python3.11", new Version(3, 11), "python3 on PATH"), found);
        Assert.Empty(machine.Probes);
    }

    [Fact]
    public void A_pyenv_shim_is_resolved_the_way_pyenv_resolves_it()
    {
        const string root = "/home/user/.pyenv";
        var machine = new FakeMachine();
        foreach (var version in new[] { "3.12.1", "3.13.0" })
        {
            var minor = version[..version.LastIndexOf('.')];
            machine.WithFiles($"{root}/versions/{version}/bin/python{minor}", $"{root}/versions/{version}/lib/python{minor}/os.py", $"{root}/versions/{version}/lib/libpython{minor}.so.1.0")
                .WithLink($"{root}/versions/{version}/bin/python3", $"{root}/versions/{version}/bin/python{minor}");
        }
        machine.WithText($"{root}/shims/python3", "#!/usr/bin/env bash").WithText($"{root}/version", "3.12.1");
        machine.Variables["PATH"] = $"{root}/shims:/usr/bin";
        Assert.Equal(new Version(3, 12), PythonLocator.Locate(null, machine).Version);
        machine.WithText("/home/user/.python-version", "3.13.0\n3.12.1");
        Assert.Equal(new Version(3, 13), PythonLocator.Locate(null, machine).Version);
        machine.Variables["PYENV_VERSION"] = "3.12.1:3.13.0";
        var found = PythonLocator.Locate(null, machine);
        Assert.Equal($"{root}/versions/3.12.1/lib/libpython3.12.so.1.0", found.LibraryPath);
        Assert.Equal($"{root}/versions/3.12.1/bin/python3.12", found.ProgramPath);
        Assert.Empty(machine.Probes);
    }

    [Fact]
    public void A_virtual_environment_layout_keeps_the_environments_python_as_program()
    {
        var machine = new FakeMachine()
            .WithFiles("/opt/py/bin/python3.12", "/opt/py/lib/python3.12/os.py", "/opt/py/lib/libpython3.12.so.1.0", "/work/venv/pyvenv.cfg")
            .WithLink("/work/venv/bin/python3", "/opt/py/bin/python3.12");
        machine.Variables["VIRTUAL_ENV"] = "/work/venv";
        var found = PythonLocator.Locate(null, machine);
        Assert.Equal(new PythonInstallation("/opt/py/lib/libpython3.12.so.1.0", "/work/venv/bin/python3", new Version(3, 12), "VIRTUAL_ENV"), found);
    }

    [Theory]
    [InlineData("libpython3.11.so.1.0", "3.11", null)]
    [InlineData("libpython3.9.so", "3.9", null)]
    [InlineData("libpython3.13t.so", "3.13", "is a free-threaded build (no GIL), which Breezeblock does not support")]
    [InlineData("libpython3.12d.so", "3.12", "is a debug build, whose object layout differs from release builds")]
    [InlineData("libpython3.8.so", "3.8", "is Python 3.8; Breezeblock needs 3.9 or newer")]
    public void Library_file_names_give_the_version_and_abi(string name, string version, string? unsupported)
    {
        Assert.True(PythonLocator.TryParseLibraryName(name, out var parsed, out var reason));
        Assert.Equal(Version.Parse(version), parsed);
        Assert.Equal(unsupported, reason);
    }

    [Theory]
    [InlineData("libpython3.so")]
    [InlineData("libpython3.11.a")]
    [InlineData("libc.so.6")]
    public void Other_files_are_not_libpython(string name) =>
        Assert.False(PythonLocator.TryParseLibraryName(name, out _, out _));

    [Fact]
    [Trait("Category", "Smoke")]
    public void This_machine_has_a_python()
    {
        var found = PythonLocator.Locate();
        Assert.True(File.Exists(found.LibraryPath), found.ToString());
        Assert.True(found.Version >= PythonInstallation.MinimumVersion);
    }
}
