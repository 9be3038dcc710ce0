using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Breezeblock.Extensions.Configuration.Tests;

/// <summary>
/// Secrets through IConfiguration: the application's configuration and bindings get the values, its
/// debug view, the provider's name and the logs never do.
/// </summary>
public sealed class SecretConfigurationTests
{
    public sealed class DatabaseOptions
    {
        public string Host { get; set; } = "";
        public string Password { get; set; } = "";
        public SecretString? Dsn { get; set; }
    }

    [Fact]
    public void The_configuration_holds_the_values_and_the_debug_view_logs_and_name_do_not()
    {
        using var folder = SecretFixture.Folder();
        File.Delete(Path.Combine(folder.Path, "failing.py"));
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Breezeblock:Secrets:db_password"] = SecretFixture.Password })
            .AddPythonConfig(source =>
            {
                source.Path = folder.Path;
                source.SecretsSection = "Breezeblock:Secrets";
                source.LoggerFactory = loggerFactory;
            })
            .Build();
        Assert.Equal(SecretFixture.Password, configuration["database:password"]);
        Assert.Equal($"postgresql://app:{SecretFixture.Password}@db.internal:5432/app", configuration["web:db"]);
        Assert.Equal(SecretFixture.Token, configuration["api:tokens:0"]);

        var view = configuration.GetDebugView();
        Assert.Contains("password=(secret) (PythonConfigurationProvider", view);
        // the whole value when another test of this process made it a SecretString: every SecretString's value is masked too
        Assert.Matches(@"\n\s*db=(postgresql://app:)?\(secret\)(@db.internal:5432/app)? \(PythonConfigurationProvider", view);
        Assert.Contains("replicas=2 (PythonConfigurationProvider", view);
        var python = configuration.Providers.OfType<PythonConfigurationProvider>().Single();
        var shown = new Dictionary<string, string>
        {
            ["the debug view"] = view.Replace($"Breezeblock:Secrets:db_password={SecretFixture.Password}", "", StringComparison.Ordinal)
                .Replace($"db_password={SecretFixture.Password} (MemoryConfigurationProvider)", "", StringComparison.Ordinal), // the earlier source's own entry is its own
            ["the provider's name"] = python.ToString(),
            ["the logs"] = string.Join("\n", logs.Entries.Select(e => e.Message)),
            ["the result's JSON"] = python.Result!.ToJson(),
        };
        foreach (var (where, text) in shown)
        {
            SecretFixture.AssertNoPlaintext(text, where);
        }
        Assert.Contains(logs.Entries, e => e.Message == "connecting to db.internal with (secret)");
        python.Dispose();
    }

    [Fact]
    public void Options_bind_secrets_to_string_and_SecretString_members()
    {
        using var folder = SecretFixture.Folder();
        File.Delete(Path.Combine(folder.Path, "failing.py"));
        var configuration = new ConfigurationBuilder()
            .AddPythonConfig(folder.Path, optional: false, reloadOnChange: false, engine => engine.Secrets["db_password"] = SecretFixture.Password)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddOptions<DatabaseOptions>("bound").Bind(configuration.GetSection("database"));
        services.AddOptions<DatabaseOptions>("python").BindPythonConfig("database");
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<DatabaseOptions>>();
        foreach (var name in (string[])["bound", "python"])
        {
            var options = monitor.Get(name);
            Assert.Equal(("db.internal", SecretFixture.Password), (options.Host, options.Password));
            Assert.Equal($"postgresql://app:{SecretFixture.Password}@db.internal:5432/app", options.Dsn!.Reveal());
            Assert.Equal("(secret)", options.Dsn.ToString());
        }
    }
}
