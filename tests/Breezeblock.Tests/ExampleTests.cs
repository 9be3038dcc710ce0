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
        var python = new Dictionary<string, string> { ["BREEZEBLOCK_PYTHON"] = fixture.Runtime.Installation.LibraryPath };
        var (exit, stdout, stderr) = ChildProcess.Run(ChildProcess.StartInfo("dotnet", ["exec", app], environment: python), TimeSpan.FromMinutes(1));
        Assert.Equal((0, ""), (exit, stderr));
        Assert.Equal("""
            Config received! configA: blah
            Config received! configB: blah_with_something_extra
            Config received! configC: blah_with_something_extra_and_even_more_blah

            """, stdout);
    }
}
