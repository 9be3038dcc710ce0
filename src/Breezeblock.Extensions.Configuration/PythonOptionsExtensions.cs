using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Breezeblock.Extensions.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Options from Python configs, typed, and config code's output in the app's logging.</summary>
public static class PythonOptionsExtensions
{
    /// <summary>
    /// Configures <typeparamref name="TOptions"/> from the value of config <paramref name="configName"/>
    /// itself rather than from configuration strings: a host object as it was built, or a dict bound to
    /// <typeparamref name="TOptions"/> (keys matching properties ignoring case and underscores). Its
    /// properties are copied onto the options instance; <c>IOptionsMonitor</c> sees each reload.
    /// <code>services.AddOptions&lt;WebOptions&gt;().BindPythonConfig("web").ValidateDataAnnotations();</code>
    /// </summary>
    [RequiresUnreferencedCode(ConfigurationMessages.TypedOptionsNeedReflection)]
    [RequiresDynamicCode(ConfigurationMessages.TypedOptionsNeedReflection)]
    public static OptionsBuilder<TOptions> BindPythonConfig<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(this OptionsBuilder<TOptions> builder, string configName)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(configName);
        builder.Services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(services =>
            new ConfigurationChangeTokenSource<TOptions>(builder.Name, services.GetRequiredService<IConfiguration>()));
        builder.Configure<IConfiguration>((options, configuration) => CopyInto(options, Value<TOptions>(configuration, configName)));
        return builder;
    }

    /// <summary>
    /// Compares the keys the Python configs give under <paramref name="section"/> with the members of
    /// <typeparamref name="TOptions"/> whenever the options are validated (at startup with
    /// <c>ValidateOnStart</c>, and each reload with <c>AddPythonConfig</c>): a key no member takes
    /// (the binder drops it silently) and a member no key gives (it keeps its default) are logged as
    /// warnings, or with <see cref="PythonKeyMismatch.Fail"/> fail validation.
    /// <code>services.AddOptions&lt;WebOptions&gt;().BindConfiguration("web").CheckPythonKeys("web").ValidateOnStart();</code>
    /// </summary>
    [RequiresUnreferencedCode(ConfigurationMessages.TypedOptionsNeedReflection)]
    public static OptionsBuilder<TOptions> CheckPythonKeys<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(this OptionsBuilder<TOptions> builder, string section,
        PythonKeyMismatch mismatch = PythonKeyMismatch.Warn)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(section);
        var name = builder.Name;
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(services =>
            new OptionsContract<TOptions>(services.GetRequiredService<IConfiguration>(), services.GetService<ILoggerFactory>(), section, mismatch, name));
        return builder;
    }

    /// <summary>
    /// Sends what config code prints and logs, and configuration load errors, to the app's logging
    /// (categories <c>Breezeblock.Python</c> and <c>Breezeblock.Configuration</c>) once the host starts;
    /// what was logged before, while configuration loaded, is written then.
    /// </summary>
    public static IServiceCollection AddPythonConfigLogging(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHostedService(provider => new PythonConfigConnection(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<ILoggerFactory>(), null));
        return services;
    }

    /// <summary>
    /// Connects the Python configuration sources to the app: logging as <see cref="AddPythonConfigLogging"/>
    /// does, and each reload validated, before anything sees it, by the options validators the app
    /// registers (ValidateDataAnnotations, Validate, IValidateOptions): a reload they refuse is not
    /// published, the last good configuration stays, and the refusal is logged with each failure.
    /// Call it after the options are added, as the other service registrations.
    /// </summary>
    [RequiresUnreferencedCode(ConfigurationMessages.ReloadValidationNeedsReflection)]
    [RequiresDynamicCode(ConfigurationMessages.ReloadValidationNeedsReflection)]
    public static IServiceCollection AddPythonConfig(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHostedService(provider => new PythonConfigConnection(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<ILoggerFactory>(),
            new ReloadValidation(provider, ReloadValidation.Find(services)).Run)); // the registrations as they are when the app starts: all of them
        return services;
    }

    [RequiresUnreferencedCode(ConfigurationMessages.TypedOptionsNeedReflection)]
    [RequiresDynamicCode(ConfigurationMessages.TypedOptionsNeedReflection)]
    private static TOptions Value<TOptions>(IConfiguration configuration, string configName)
    {
        var providers = (configuration as IConfigurationRoot)?.Providers.OfType<PythonConfigurationProvider>().ToList()
            ?? throw new InvalidOperationException(ConfigurationMessages.NotAConfigurationRoot(configName));
        var provider = providers.LastOrDefault(p => p.Result?.Contains(configName) == true)
            ?? throw new InvalidOperationException(ConfigurationMessages.NoSuchConfig(configName, providers.SelectMany(p => p.Result?.Names ?? []).Distinct()));
        return provider.Result!.Get<TOptions>(configName);
    }

    private static void CopyInto<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(TOptions options, TOptions value)
    {
        foreach (var property in typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanRead && property.SetMethod is not null && property.GetIndexParameters().Length == 0)
            {
                property.SetValue(options, property.GetValue(value));
            }
        }
    }

    private sealed class PythonConfigConnection(IConfiguration configuration, ILoggerFactory loggerFactory, Func<IReadOnlyList<OptionsValidationException>>? validate) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var provider in (configuration as IConfigurationRoot)?.Providers.OfType<PythonConfigurationProvider>() ?? [])
            {
                provider.Log.Attach(loggerFactory);
                provider.Validate ??= validate;
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
