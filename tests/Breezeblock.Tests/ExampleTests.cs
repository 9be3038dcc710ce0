using System.Diagnostics;

namespace Breezeblock.Tests;

/// <summary>Every example under examples/ runs and prints what it promises (examples/quickstart is the fixture "quickstart").</summary>
public sealed class ExampleTests(EngineFixture fixture)
{
    [Fact]
    public void The_host_example_prints_the_names_the_seed_prints()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
        var app = Path.Combine(EngineFixture.RepositoryRoot, "examples", "Quickstart.Host", "bin", configuration, "net10.0", "Quickstart.Host.dll");
        Assert.True(File.Exists(app), $"{app} is missing: build the solution first");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(app);
        start.Environment["BREEZEBLOCK_PYTHON"] = fixture.Runtime.Installation.LibraryPath;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)));
        Assert.Equal((0, ""), (process.ExitCode, stderr));
        Assert.Equal("""
            Config received! configA: blah
            Config received! configB: blah_with_something_extra
            Config received! configC: blah_with_something_extra_and_even_more_blah

            """, stdout);
    }
}
