using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Breezeblock.Extensions.Configuration;

/// <summary>
/// The application's options validation, run on a reload's keys before they are published: every
/// options type with a registered <see cref="IValidateOptions{TOptions}"/> (ValidateDataAnnotations,
/// Validate, a class of the application's) is created afresh through its <see cref="IOptionsFactory{TOptions}"/>,
/// which binds it from the configuration as the calling thread sees it and runs its validators.
/// Validators that name options (<c>AddOptions&lt;T&gt;("name")</c>) validate those; the others the
/// default options.
/// </summary>
[RequiresUnreferencedCode(ConfigurationMessages.ReloadValidationNeedsReflection)]
[RequiresDynamicCode(ConfigurationMessages.ReloadValidationNeedsReflection)]
internal sealed class ReloadValidation(IServiceProvider services, IReadOnlyList<(Type Options, string Name)> validated)
{
    /// <summary>The options types and names the application validates, read from its service registrations.</summary>
    public static IReadOnlyList<(Type Options, string Name)> Find(IServiceCollection registrations)
    {
        var found = new List<(Type, string)>();
        foreach (var descriptor in registrations)
        {
            if (descriptor.ServiceType is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(IValidateOptions<>))
            {
                var name = descriptor.IsKeyedService ? null : descriptor.ImplementationInstance?.GetType().GetProperty("Name")?.GetValue(descriptor.ImplementationInstance) as string;
                found.Add((type.GetGenericArguments()[0], name ?? Options.DefaultName));
            }
        }
        return found.Distinct().ToList();
    }

    /// <summary>What the validators refuse in the configuration as the calling thread sees it.</summary>
    public IReadOnlyList<OptionsValidationException> Run()
    {
        var refused = new List<OptionsValidationException>();
        foreach (var (options, name) in validated)
        {
            var factory = services.GetService(typeof(IOptionsFactory<>).MakeGenericType(options));
            var create = factory?.GetType().GetMethod(nameof(IOptionsFactory<object>.Create), [typeof(string)]);
            try
            {
                create?.Invoke(factory, [name]);
            }
            catch (TargetInvocationException e) when (e.InnerException is OptionsValidationException validation)
            {
                refused.Add(validation);
            }
        }
        return refused;
    }
}
