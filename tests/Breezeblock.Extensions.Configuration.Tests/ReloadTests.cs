using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Breezeblock.Extensions.Configuration.Tests;

/// <summary>
/// reloadOnChange through real file edits: each reload ends in a log entry, which the tests wait for
/// (never for time to pass); broken edits keep the last good configuration.
/// </summary>
public sealed class ReloadTests
{
    private const string Header = "from breezeblock import configure\n\n";

    private static string Web(string port) => Header + $"from settings import REPLICAS\n\n@configure\ndef web():\n    return {{\"Port\": {port}, \"Replicas\": REPLICAS}}\n";

    public sealed class WebOptions
    {
        public int Port { get; set; }
        public int Replicas { get; set; }
    }

    public sealed class ValidatedWebOptions
    {
        [System.ComponentModel.DataAnnotations.Range(1, 65535)]
        public int Port { get; set; }
    }

    private sealed class App : IDisposable
    {
        public App(string folder, bool optional = false, bool connect = false, int reloadDelay = 100)
        {
            Logs = new CapturingLoggerProvider();
            var loggerFactory = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
            Configuration = new ConfigurationBuilder().AddPythonConfig(source =>
            {
                source.Path = folder;
                source.Optional = optional;
                source.ReloadOnChange = true;
                source.ReloadDelay = reloadDelay;
                source.LoggerFactory = loggerFactory;
                source.OnLoadException = context => Failures.Add(context);
            }).Build();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(Configuration);
            services.AddOptions<WebOptions>().Bind(Configuration.GetSection("web"));
            services.AddOptions<ValidatedWebOptions>().Bind(Configuration.GetSection("web")).ValidateDataAnnotations();
            if (connect)
            {
                services.AddSingleton(loggerFactory);
                services.AddPythonConfig();
            }
            Services = services.BuildServiceProvider();
            foreach (var hosted in Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>())
            {
                hosted.StartAsync(CancellationToken.None).GetAwaiter().GetResult(); // what the host does at startup
            }
            Monitor = Services.GetRequiredService<IOptionsMonitor<WebOptions>>();
            Validated = Services.GetRequiredService<IOptionsMonitor<ValidatedWebOptions>>();
            Monitor.OnChange(options => Changes.Add(options.Port));
            ChangeToken.OnChange(Configuration.GetReloadToken, () => Interlocked.Increment(ref _tokens));
        }

        private int _tokens;

        public IConfigurationRoot Configuration { get; }

        public ServiceProvider Services { get; }

        public IOptionsMonitor<WebOptions> Monitor { get; }

        public IOptionsMonitor<ValidatedWebOptions> Validated { get; }

        public CapturingLoggerProvider Logs { get; }

        public List<int> Changes { get; } = [];

        public List<PythonLoadExceptionContext> Failures { get; } = [];

        public int Tokens => Volatile.Read(ref _tokens);

        /// <summary>Waits until <paramref name="condition"/> holds, rechecking as each reload logs how it ended.</summary>
        public void WaitUntil(Func<bool> condition, string what) => Logs.WaitUntil(condition, what);

        /// <summary>Waits for the <paramref name="count"/>th reload that found no key changed.</summary>
        public void WaitForUnchangedReload(string folder, int count = 1) =>
            Logs.WaitFor(e => e.Message == ConfigurationMessages.ReloadedNoChange(folder), count);

        public void Dispose()
        {
            Services.Dispose();
            foreach (var provider in Configuration.Providers.OfType<IDisposable>())
            {
                provider.Dispose();
            }
        }
    }

    [Fact]
    public void A_good_edit_is_seen_through_configuration_and_the_options_monitor_and_fires_once()
    {
        using var folder = new TempFolder(("web.py", Web("80")), ("settings.py", "REPLICAS = 2\n"));
        using var app = new App(folder.Path);
        Assert.Equal((80, 2), (app.Monitor.CurrentValue.Port, app.Monitor.CurrentValue.Replicas));
        folder.Save("web.py", Web("8080"));
        app.WaitUntil(() => app.Configuration["web:Port"] == "8080" && app.Monitor.CurrentValue.Port == 8080, "the edit seen");
        Assert.Equal([8080], app.Changes);
        Assert.Equal(1, app.Tokens);
        folder.Save("web.py", Web("8080")); // saved again, as it is: evaluated, and nothing to announce
        app.WaitForUnchangedReload(folder.Path);
        Assert.Equal([8080], app.Changes);
        Assert.Equal(1, app.Tokens);
    }

    [Fact]
    public void A_save_by_deleting_and_writing_again_is_seen_once_and_the_gap_is_not()
    {
        using var folder = new TempFolder(("web.py", Web("80")), ("settings.py", "REPLICAS = 2\n"));
        using var app = new App(folder.Path, reloadDelay: 2000); // far longer than deleting and writing take, however loaded the machine
        File.Delete(Path.Combine(folder.Path, "web.py"));
        File.WriteAllText(Path.Combine(folder.Path, "web.py"), Web("81"));
        app.WaitUntil(() => app.Monitor.CurrentValue.Port == 81, "the save seen");
        Assert.Equal([81], app.Changes); // one reload, after both: the folder without web.py was never evaluated
        Assert.Equal(1, app.Tokens);
    }

    [Fact]
    public void An_edit_to_a_helper_module_the_config_imports_is_seen()
    {
        using var folder = new TempFolder(("web.py", Web("80")), ("settings.py", "REPLICAS = 2\n"));
        using var app = new App(folder.Path);
        folder.Save("settings.py", "REPLICAS = 5\n");
        app.WaitUntil(() => app.Monitor.CurrentValue.Replicas == 5, "the helper's edit seen");
        Assert.Equal("5", app.Configuration["web:Replicas"]);
    }

    [Fact]
    public void A_broken_edit_keeps_the_last_good_configuration_logs_the_error_and_fires_nothing_until_fixed()
    {
        using var folder = new TempFolder(("web.py", Web("80")), ("settings.py", "REPLICAS = 2\n"));
        using var app = new App(folder.Path);
        folder.Save("web.py", Header + "@configure\ndef web(:\n    return 1\n");
        app.WaitUntil(() => app.Failures.Count == 1, "the broken edit reported");
        Assert.Equal((true, "web.py:4:9"), (app.Failures[0].Reload, ((ConfigException)app.Failures[0].Exception).Location?.ToString()));
        Assert.Equal(("80", 80), (app.Configuration["web:Port"], app.Monitor.CurrentValue.Port));
        var error = Assert.Single(app.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal("Breezeblock.Configuration", error.Category);
        Assert.Equal($"Python configuration in '{folder.Path}' could not be reloaded; the last good configuration stays in use\nerror: web.py:4:9: SyntaxError: invalid syntax\n  def web(:\n          ^", error.Message);
        Assert.Equal(0, app.Tokens);

        folder.Save("web.py", Web("9090"));
        app.WaitUntil(() => app.Monitor.CurrentValue.Port == 9090, "the fix seen");
        Assert.Equal(1, app.Tokens);
    }

    [Fact]
    public void A_reload_whose_check_fails_keeps_the_last_good_configuration_and_logs_the_failed_assertion()
    {
        const string Policy = "from breezeblock import check\n\n@check\ndef replicated(web):\n    assert web[\"Replicas\"] >= 2\n";
        using var folder = new TempFolder(("web.py", Web("80")), ("settings.py", "REPLICAS = 2\n"), ("policy.py", Policy));
        using var app = new App(folder.Path);
        Assert.Equal("2", app.Configuration["web:Replicas"]);
        folder.Save("settings.py", "REPLICAS = 1\n");
        app.WaitUntil(() => app.Failures.Count == 1, "the failing check reported");
        var failure = (ConfigException)app.Failures[0].Exception;
        Assert.Equal((ConfigErrorKind.CheckFailed, "replicated"), (failure.Kind, failure.Errors[0].CheckName));
        Assert.Equal(("2", 2), (app.Configuration["web:Replicas"], app.Monitor.CurrentValue.Replicas));
        var error = Assert.Single(app.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("error: policy.py:5: check 'replicated' failed: assert web[\"Replicas\"] >= 2\n", error.Message);
        Assert.Contains("web[\"Replicas\"] was 1", error.Message);
        Assert.Equal(0, app.Tokens);

        folder.Save("settings.py", "REPLICAS = 3\n");
        app.WaitUntil(() => app.Monitor.CurrentValue.Replicas == 3, "the fix seen");
        Assert.Equal(1, app.Tokens);
    }

    [Fact]
    public void Fifty_rapid_edits_end_in_the_last_value_and_readers_never_fail()
    {
        using var folder = new TempFolder(("web.py", Web("0")), ("settings.py", "REPLICAS = 1\n"));
        using var app = new App(folder.Path);
        var stop = false;
        var failures = 0;
        var reads = 0;
        // Dedicated threads, as request threads are: readers spinning on the thread pool would starve the
        // timer and file events that reloads need on a two-core machine.
        var readers = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                try
                {
                    var port = app.Configuration["web:Port"];
                    var replicas = app.Configuration["web:Replicas"];
                    if (port is null || replicas != "1" || app.Monitor.CurrentValue.Replicas != 1)
                    {
                        Interlocked.Increment(ref failures); // never a configuration without its keys, never half of one
                    }
                    Interlocked.Increment(ref reads);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        readers.ForEach(r => r.Start());
        for (var i = 1; i <= 50; i++)
        {
            folder.Save("web.py", Web(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Thread.Sleep(5); // edits arrive a few milliseconds apart, as an editor's do: nothing waits on this
        }
        try
        {
            app.WaitUntil(() => app.Monitor.CurrentValue.Port == 50, "the last edit seen");
        }
        finally
        {
            Volatile.Write(ref stop, true);
            readers.ForEach(r => r.Join());
        }
        Assert.Equal("50", app.Configuration["web:Port"]);
        Assert.Equal(0, failures);
        Assert.True(reads > 0, "the readers never read");
        Assert.Empty(app.Failures);
    }

    [Fact]
    public void An_optional_folder_that_appears_later_is_loaded()
    {
        using var parent = new TempFolder();
        var folder = Path.Combine(parent.Path, "configs");
        using var app = new App(folder, optional: true);
        Assert.Empty(app.Configuration.AsEnumerable());
        parent.Save("configs/settings.py", "REPLICAS = 3\n");
        parent.Save("configs/web.py", Web("7070"));
        app.WaitUntil(() => app.Configuration["web:Port"] == "7070" && app.Configuration["web:Replicas"] == "3", "the new folder loaded");
        Assert.Equal(3, app.Monitor.CurrentValue.Replicas);
    }

    [Fact]
    public void Print_and_logging_in_config_code_reach_the_logger_with_the_module_as_a_scope()
    {
        using var folder = new TempFolder(("web.py", Header + "import logging\nprint('building web')\n\n@configure\ndef web():\n    logging.getLogger('web.checks').warning('port %d is low', 80)\n    return {'Port': 80}\n"));
        using var app = new App(folder.Path);
        var python = app.Logs.Entries.Where(e => e.Category == "Breezeblock.Python").ToList();
        Assert.Equal([(LogLevel.Information, "building web", "Python module web"), (LogLevel.Warning, "port 80 is low", "Python module web")],
            python.Select(e => (e.Level, e.Message, e.Scopes)));
    }

    private static string Refusal(string folder) =>
        ConfigurationMessages.Refusal(nameof(ValidatedWebOptions), "DataAnnotation validation failed for 'ValidatedWebOptions' members: 'Port' with the error: 'The field Port must be between 1 and 65535.'.");

    [Fact]
    public void With_the_services_connected_a_reload_the_options_validation_refuses_is_never_published()
    {
        using var folder = new TempFolder(("web.py", Web("80")), ("settings.py", "REPLICAS = 2\n"));
        using var app = new App(folder.Path, connect: true);
        Assert.Equal(80, app.Validated.CurrentValue.Port);
        folder.Save("web.py", Web("70000"));
        var refused = app.Logs.WaitFor(e => e.Level == LogLevel.Error);
        Assert.Equal($"{ConfigurationMessages.ReloadRejected(folder.Path)}\n{Refusal(folder.Path)}", refused.Message);
        Assert.Equal(("80", 80, 80), (app.Configuration["web:Port"], app.Validated.CurrentValue.Port, app.Monitor.CurrentValue.Port));
        Assert.Equal(0, app.Tokens); // nothing was announced: no listener saw the refused keys
        Assert.IsType<OptionsValidationException>(Assert.Single(app.Failures).Exception);
        Assert.Equal(80L, Assert.Single(app.Configuration.Providers.OfType<PythonConfigurationProvider>()).Result!.Get<Dictionary<string, object?>>("web")["Port"]);

        folder.Save("web.py", Web("8080"));
        var reloaded = app.Logs.WaitFor(e => e.Level == LogLevel.Information && e.Category == "Breezeblock.Configuration");
        Assert.Equal(ConfigurationMessages.Reloaded(folder.Path, ["web"]), reloaded.Message);
        Assert.Equal((8080, 8080, 1), (app.Validated.CurrentValue.Port, app.Monitor.CurrentValue.Port, app.Tokens));
    }

    [Fact]
    public void Without_the_services_a_reload_refused_when_announced_is_taken_back_and_the_options_stay_readable()
    {
        using var folder = new TempFolder(("web.py", Web("80")), ("settings.py", "REPLICAS = 2\n"));
        using var app = new App(folder.Path);
        Assert.Equal(80, app.Validated.CurrentValue.Port);
        folder.Save("web.py", Web("70000"));
        var refused = app.Logs.WaitFor(e => e.Level == LogLevel.Error);
        Assert.Equal($"{ConfigurationMessages.ReloadRejectedAfterPublishing(folder.Path)}\n{Refusal(folder.Path)}", refused.Message);
        Assert.Equal(("80", 80, 80), (app.Configuration["web:Port"], app.Validated.CurrentValue.Port, app.Monitor.CurrentValue.Port)); // no OptionsValidationException for readers
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains("   at ", StringComparison.Ordinal)); // no stack trace
    }

    [Fact]
    public void After_a_refused_reload_the_next_one_is_made_from_the_folder_not_from_the_keys_that_stayed()
    {
        using var folder = new TempFolder(("web.py", Web("80")), ("settings.py", "REPLICAS = 2\n"), ("other.py", Header + "@configure\ndef other():\n    return 1\n"));
        using var app = new App(folder.Path, connect: true);
        folder.Save("web.py", Web("70000"));
        app.Logs.WaitFor(e => e.Level == LogLevel.Error);
        folder.Save("other.py", Header + "@configure\ndef other():\n    return 2\n"); // web did not change since the refused evaluation: still 70000
        app.Logs.WaitFor(e => e.Level == LogLevel.Error, count: 2); // refused again, not published with web's last good keys beside other's new ones
        Assert.Equal(("80", "1"), (app.Configuration["web:Port"], app.Configuration["other"]));
        Assert.Equal(0, app.Tokens);
    }
}
