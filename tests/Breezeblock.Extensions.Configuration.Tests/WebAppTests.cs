using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Breezeblock.Extensions.Configuration.Tests;

/// <summary>
/// examples/WebApp in-process: its options come from Python files, an edit is seen over HTTP, and a
/// broken edit keeps the last good options and logs the error. Each test runs the app on a copy of
/// its configs, so the repository's files are never edited.
/// </summary>
public sealed class WebAppTests : IDisposable
{
    private static readonly string Example = Path.Combine(Repository.Root, "examples", "WebApp");
    private readonly TempFolder _root = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly WebApplicationFactory<Program> _factory;

    public WebAppTests()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Example, "configs")))
        {
            _root.Save(Path.Combine("configs", Path.GetFileName(file)), File.ReadAllText(file));
        }
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseContentRoot(_root.Path)
            .UseEnvironment("Development")
            .UseSetting("Catalog:Token", CatalogToken)
            .ConfigureLogging(logging => logging.AddProvider(_logs)));
    }

    private const string CatalogToken = "catalog-token-8d1a4f9c2b7e";

    public sealed record Options(int Port, Dictionary<string, bool> Features, List<Upstream> Upstreams, string CatalogToken);

    public sealed record Upstream(string Name, Uri Url, int Weight);

    private static async Task<Options> Get(HttpClient client) =>
        (await client.GetFromJsonAsync<Options>("/options", TestContext.Current.CancellationToken))!;

    [Fact]
    public async Task The_endpoint_returns_the_options_the_python_files_give()
    {
        using var client = _factory.CreateClient();
        var options = await Get(client);
        Assert.Equal(5080, options.Port); // Development: the environment reaches the configs as an input
        Assert.Equal(new Dictionary<string, bool> { ["DarkMode"] = true, ["NewCheckout"] = true }, options.Features);
        Assert.Equal([new Upstream("catalog-eu", new Uri("https://catalog.eu.example.com/"), 50), new Upstream("catalog-us", new Uri("https://catalog.us.example.com/"), 50)], options.Upstreams);
        Assert.Equal("(secret)", options.CatalogToken); // the secret's value stays in the app
        var inside = _factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebApp.AppOptions>>().Value;
        Assert.Equal(CatalogToken, inside.CatalogToken!.Reveal());
        var configuration = (Microsoft.Extensions.Configuration.IConfigurationRoot)_factory.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        Assert.Contains("CatalogToken=(secret) (PythonConfigurationProvider", Microsoft.Extensions.Configuration.ConfigurationRootExtensions.GetDebugView(configuration));
        Assert.DoesNotContain(CatalogToken, string.Join("\n", _logs.Entries.Select(e => e.Message)));
    }

    [Fact]
    public async Task An_edit_is_seen_over_http_and_a_broken_edit_keeps_the_last_good_options()
    {
        using var client = _factory.CreateClient();
        await Get(client);
        _root.Save("configs/upstreams.py", File.ReadAllText(Path.Combine(Example, "configs", "upstreams.py")).Replace("""["eu", "us"]""", """["eu", "us", "ap"]""", StringComparison.Ordinal));
        _logs.WaitFor(e => e.Level == LogLevel.Information && e.Category == "Breezeblock.Configuration"); // the reload ended: announced
        var edited = await Get(client);
        Assert.Equal(["catalog-eu", "catalog-us", "catalog-ap"], edited.Upstreams.Select(u => u.Name));
        Assert.Equal(33, edited.Upstreams[0].Weight);

        _root.Save("configs/upstreams.py", "from webapp import Upstream\n\n\ndef upstreams_for(environment):\n    return [Upstream(name='broken', url='https://x.example.com/', weight=1000)]\n");
        _logs.WaitFor(e => e.Level == LogLevel.Error);
        var error = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal("Breezeblock.Configuration", error.Category);
        Assert.Contains("error: upstreams.py:5: ValueError: Upstream: The field weight must be between 1 and 100.", error.Message);
        Assert.Equal(3, (await Get(client)).Upstreams.Count);
    }

    [Fact]
    public async Task A_reload_the_apps_validation_refuses_is_never_served_and_the_endpoint_keeps_answering()
    {
        using var client = _factory.CreateClient();
        Assert.Equal(5080, (await Get(client)).Port);
        _root.Save("configs/app.py", File.ReadAllText(Path.Combine(Example, "configs", "app.py")).Replace("5080", "70000", StringComparison.Ordinal)); // fine for Python, not for [Range]
        var refused = _logs.WaitFor(e => e.Level == LogLevel.Error);
        Assert.Equal("Breezeblock.Configuration", refused.Category);
        Assert.StartsWith(ConfigurationMessages.ReloadRejected("configs"), refused.Message);
        Assert.Contains("AppOptions: DataAnnotation validation failed for 'AppOptions' members: 'Port' with the error: 'The field Port must be between 1 and 65535.'.", refused.Message);
        using var response = await client.GetAsync("/options", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5080, (await Get(client)).Port);

        _root.Save("configs/app.py", File.ReadAllText(Path.Combine(Example, "configs", "app.py")).Replace("5080", "5081", StringComparison.Ordinal));
        Assert.Equal(ConfigurationMessages.Reloaded("configs", ["app"]), _logs.WaitFor(e => e.Level == LogLevel.Information && e.Category == "Breezeblock.Configuration").Message);
        Assert.Equal(5081, (await Get(client)).Port);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _root.Dispose();
    }
}
