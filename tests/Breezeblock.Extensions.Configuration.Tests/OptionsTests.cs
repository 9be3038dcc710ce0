using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Breezeblock.Extensions.Configuration.Tests;

/// <summary>IOptions from Python configs: through configuration strings, or from a config's value itself.</summary>
[Trait("Category", "Smoke")]
public sealed class OptionsTests
{
    private const string Header = "from breezeblock import configure\n\n";

    public sealed class Service
    {
        [Required]
        public string Name { get; set; } = "";

        [Range(1, 10)]
        public int Replicas { get; set; } = 1;

        public Func<string, string>? Greet { get; set; }
    }

    private static ServiceProvider Services(IConfigurationRoot configuration, Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        configure(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Options_bind_through_configuration_with_validation()
    {
        using var folder = new TempFolder(("web.py", Header + "@configure\ndef web():\n    return {'Name': 'api', 'Replicas': 3}\n\n@configure\ndef bad():\n    return {'Name': '', 'Replicas': 30}\n"));
        var configuration = new ConfigurationBuilder().AddPythonConfig(folder.Path).Build();
        using var services = Services(configuration, s =>
        {
            s.AddOptions<Service>("web").Bind(configuration.GetSection("web")).ValidateDataAnnotations();
            s.AddOptions<Service>("bad").Bind(configuration.GetSection("bad")).ValidateDataAnnotations();
        });
        var options = services.GetRequiredService<IOptionsSnapshot<Service>>();
        Assert.Equal(("api", 3), (options.Get("web").Name, options.Get("web").Replicas));
        var error = Assert.Throws<OptionsValidationException>(() => options.Get("bad"));
        Assert.Equal(2, error.Failures.Count());
    }

    [Fact]
    public void BindPythonConfig_takes_a_host_objects_values_delegates_included()
    {
        using var folder = new TempFolder(("web.py", """
            from breezeblock import configure
            from app import Service

            @configure
            def web():
                return Service(name="api", replicas=4, greet=lambda who: f"hello {who}")
            """));
        var configuration = new ConfigurationBuilder()
            .AddPythonConfig(folder.Path, optional: false, reloadOnChange: false, engine => engine.AddHostModule("app", m => m.AddType<Service>()))
            .Build();
        using var services = Services(configuration, s => s.AddOptions<Service>().BindPythonConfig("web").ValidateDataAnnotations());
        var web = services.GetRequiredService<IOptions<Service>>().Value;
        Assert.Equal(("api", 4, "hello you"), (web.Name, web.Replicas, web.Greet!("you")));
        Assert.Null(configuration["web:Greet"]); // strings cannot hold it; the typed value can
        Assert.Equal("4", configuration["web:Replicas"]);
    }

    [Fact]
    public void BindPythonConfig_binds_a_dict_and_follows_reloads()
    {
        using var folder = new TempFolder(("web.py", Header + "@configure\ndef web():\n    return {'name': 'api', 'replicas': 2}\n"));
        var configuration = new ConfigurationBuilder().AddPythonConfig(source =>
        {
            source.Path = folder.Path;
            source.ReloadOnChange = true;
            source.ReloadDelay = 50;
        }).Build();
        using var services = Services(configuration, s => s.AddOptions<Service>().BindPythonConfig("web"));
        var monitor = services.GetRequiredService<IOptionsMonitor<Service>>();
        Assert.Equal(2, monitor.CurrentValue.Replicas);
        folder.Save("web.py", Header + "@configure\ndef web():\n    return {'name': 'api', 'replicas': 7}\n");
        var deadline = DateTime.UtcNow.AddMinutes(1); // a hang guard: the reload comes when it comes
        while (monitor.CurrentValue.Replicas != 7 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }
        Assert.Equal(7, monitor.CurrentValue.Replicas);
        foreach (var provider in configuration.Providers.OfType<IDisposable>())
        {
            provider.Dispose();
        }
    }

    [Fact]
    public void BindPythonConfig_names_a_missing_config_with_a_suggestion()
    {
        using var folder = new TempFolder(("web.py", Header + "@configure\ndef web():\n    return {'Name': 'api'}\n"));
        var configuration = new ConfigurationBuilder().AddPythonConfig(folder.Path).Build();
        using var services = Services(configuration, s => s.AddOptions<Service>().BindPythonConfig("wbe"));
        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IOptions<Service>>().Value);
        Assert.Equal("no Python configuration source has a config named 'wbe'; did you mean 'web'?", error.Message);
    }

    [Fact]
    public void Inputs_come_from_an_earlier_sources_section_and_from_the_engine_options()
    {
        using var folder = new TempFolder(("web.py", Header + "@configure\ndef web(region, environment):\n    return {'Where': f'{environment} in {region}'}\n"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Breezeblock:Inputs:region", "eu")])
            .AddPythonConfig(source =>
            {
                source.Path = folder.Path;
                source.InputsSection = "Breezeblock:Inputs";
                source.ConfigureEngine = engine => engine.Inputs["environment"] = "Staging";
            })
            .Build();
        Assert.Equal("Staging in eu", configuration["web:Where"]);
    }
}
