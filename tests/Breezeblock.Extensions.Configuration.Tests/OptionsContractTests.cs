using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Breezeblock.Extensions.Configuration.Tests;

/// <summary>CheckPythonKeys: keys the configs give that the options type drops, and members no key gives, as warnings or as validation failures.</summary>
public sealed class OptionsContractTests
{
    public sealed class TlsOptions
    {
        public string Cert { get; set; } = "";
        public string Key { get; set; } = "";
    }

    public sealed class WebOptions
    {
        public int Port { get; set; }
        public int ReplicasCount { get; set; } = 1;
        public int Timeout { get; set; } = 30;
        public TlsOptions Tls { get; set; } = new();
    }

    private const string Web = "from breezeblock import configure\n\n@configure\ndef web():\n    return {'Port': 80, 'replicas_count': 3, 'Tls': {'Cert': 'c.pem', 'keyy': 'k.pem'}}\n";

    private static readonly string[] Expected =
    [
        ConfigurationMessages.KeyNotInOptions("web:replicas_count", "WebOptions", "ReplicasCount"),
        ConfigurationMessages.KeyNotInOptions("web:Tls:keyy", "TlsOptions", "Key"),
        ConfigurationMessages.MemberNotProduced("TlsOptions", "Key", "web:Tls"),
        ConfigurationMessages.MemberNotProduced("WebOptions", "ReplicasCount", "web"),
        ConfigurationMessages.MemberNotProduced("WebOptions", "Timeout", "web"),
    ];

    private static ServiceProvider Services(string folder, PythonKeyMismatch mismatch, CapturingLoggerProvider logs)
    {
        var configuration = new ConfigurationBuilder().AddPythonConfig(folder).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddProvider(logs));
        services.AddOptions<WebOptions>().Bind(configuration.GetSection("web")).CheckPythonKeys("web", mismatch);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Keys_the_binder_would_drop_and_members_left_at_their_defaults_are_warned_about()
    {
        using var folder = new TempFolder(("web.py", Web));
        var logs = new CapturingLoggerProvider();
        using var services = Services(folder.Path, PythonKeyMismatch.Warn, logs);
        var options = services.GetRequiredService<IOptions<WebOptions>>().Value;
        Assert.Equal((80, 1, "c.pem"), (options.Port, options.ReplicasCount, options.Tls.Cert)); // what the binder does: replicas_count dropped
        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Category == ConfigurationMessages.LoggingCategory).Select(e => e.Message).Order(StringComparer.Ordinal);
        Assert.Equal(Expected.Order(StringComparer.Ordinal), warnings);
    }

    [Fact]
    public void With_fail_the_mismatches_fail_validation_and_a_matching_config_passes()
    {
        using var folder = new TempFolder(("web.py", Web));
        var logs = new CapturingLoggerProvider();
        using (var services = Services(folder.Path, PythonKeyMismatch.Fail, logs))
        {
            var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WebOptions>>().Value);
            Assert.Equal(Expected.Order(StringComparer.Ordinal), failure.Failures.Order(StringComparer.Ordinal));
        }
        File.WriteAllText(Path.Combine(folder.Path, "web.py"), "from breezeblock import configure\n\n@configure\ndef web():\n    return {'port': 80, 'ReplicasCount': 3, 'timeout': 5, 'tls': {'cert': 'c.pem', 'key': 'k.pem'}}\n");
        using (var services = Services(folder.Path, PythonKeyMismatch.Fail, logs))
        {
            Assert.Equal((80, 3, 5, "k.pem"), (services.GetRequiredService<IOptions<WebOptions>>().Value.Port, services.GetRequiredService<IOptions<WebOptions>>().Value.ReplicasCount,
                services.GetRequiredService<IOptions<WebOptions>>().Value.Timeout, services.GetRequiredService<IOptions<WebOptions>>().Value.Tls.Key));
        }
    }
}
