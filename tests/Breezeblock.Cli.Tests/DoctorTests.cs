using Breezeblock.Python;

namespace Breezeblock.Cli.Tests;

/// <summary><c>breezeblock doctor</c> with the Python the tests use, a virtual environment, and none.</summary>
public sealed class DoctorTests
{
    private static PythonInstallation Installation => PythonRuntime.Current.Installation;

    [Fact]
    public void With_a_working_python_it_says_which_and_why_and_exits_0()
    {
        var (exit, stdout, stderr) = Cli.Process(new Dictionary<string, string> { ["BREEZEBLOCK_PYTHON"] = Installation.LibraryPath }, "doctor");
        Assert.Equal((0, ""), (exit, stderr));
        var lines = stdout.Split('\n');
        Assert.Matches(@"^python +CPython 3\.[0-9]+\.[0-9]+ \(works\)$", lines[0]);
        Assert.Equal("found by       BREEZEBLOCK_PYTHON", lines[1]);
        Assert.Equal($"library        {Installation.LibraryPath}", lines[2]);
        Assert.StartsWith("prefix         /", lines[4]);
        Assert.Matches("^site-packages  ", lines[5]);
        Assert.Contains(CliMessages.DoctorSearchOrder, lines);
        Assert.Equal($"  - BREEZEBLOCK_PYTHON: used: Python {Installation.Version} ({Installation.LibraryPath})", lines[^2]);
    }

    [Fact]
    public void In_a_virtual_environment_it_shows_the_environment_and_its_site_packages()
    {
        var venv = Directory.CreateTempSubdirectory("breezeblock-doctor-venv-").FullName;
        try
        {
            var (made, _, why) = ExternalTools.Run(Installation.ProgramPath, null, null, "-m", "venv", "--without-pip", venv);
            Assert.True(made == 0, why);
            var environment = new Dictionary<string, string> { ["VIRTUAL_ENV"] = venv, ["BREEZEBLOCK_PYTHON"] = "" };
            var (exit, stdout, stderr) = Cli.Process(environment, "doctor");
            Assert.Equal((0, ""), (exit, stderr));
            Assert.Contains("found by       VIRTUAL_ENV\n", stdout);
            Assert.Contains($"prefix         {venv}\n", stdout);
            Assert.Contains($"{CliMessages.DoctorVirtualEnvironment}\n", stdout);
            Assert.Matches($"site-packages  {venv}/lib/python3\\.[0-9]+/site-packages\n", stdout);
            Assert.Contains("  - VIRTUAL_ENV: used: ", stdout);
        }
        finally
        {
            Directory.Delete(venv, recursive: true);
        }
    }

    [Fact]
    public void With_no_usable_python_it_lists_what_was_tried_says_what_to_install_and_exits_2()
    {
        var (exit, stdout, stderr) = Cli.Process(null, "doctor", "--python", "/no/python/here");
        Assert.Equal((2, ""), (exit, stderr));
        Assert.Equal(
            $"{CliMessages.DoctorNoPython}\n\n{CliMessages.DoctorSearchOrder}\n  - the requested Python (/no/python/here): does not exist\n\n",
            stdout[..(stdout.IndexOf("to fix: ", StringComparison.Ordinal))]);
        Assert.Contains("BREEZEBLOCK_PYTHON", stdout[stdout.IndexOf("to fix: ", StringComparison.Ordinal)..]);
    }
}
