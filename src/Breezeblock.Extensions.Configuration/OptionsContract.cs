using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Breezeblock.Extensions.Configuration;

/// <summary>How <see cref="Microsoft.Extensions.DependencyInjection.PythonOptionsExtensions.CheckPythonKeys{TOptions}"/> treats a key and an options type that do not meet.</summary>
public enum PythonKeyMismatch
{
    /// <summary>Logged as a warning (category <c>Breezeblock.Configuration</c>); the options are used.</summary>
    Warn,

    /// <summary>A validation failure: at startup with <c>ValidateOnStart</c>, and a reload it refuses keeps the last good configuration.</summary>
    Fail,
}

/// <summary>
/// The C# side of the contract between configs and an options type: the keys the Python configs put
/// under a section, against the members the binder fills. A key no member takes (<c>replicas_count</c>
/// beside <c>ReplicasCount</c>: the binder matches names ignoring case only, and drops the rest
/// silently) and a member no key fills (it keeps its default) are reported, nested objects included.
/// Only the Python sources' keys are judged.
/// </summary>
[RequiresUnreferencedCode(ConfigurationMessages.TypedOptionsNeedReflection)]
internal sealed partial class OptionsContract<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(
    IConfiguration configuration, ILoggerFactory? loggers, string section, PythonKeyMismatch mismatch, string? optionsName) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (optionsName is not null && name != optionsName)
        {
            return ValidateOptionsResult.Skip;
        }
        var providers = (configuration as IConfigurationRoot)?.Providers.OfType<PythonConfigurationProvider>().Cast<IConfigurationProvider>().ToList() ?? [];
        if (!providers.Any(p => p.GetChildKeys([], null).Any(k => string.Equals(k, section.Split(':')[0], StringComparison.OrdinalIgnoreCase))))
        {
            return ValidateOptionsResult.Skip; // no Python config gives this section: nothing to compare
        }
        var problems = new List<string>();
        Compare(typeof(TOptions), section, providers, problems, depth: 0);
        if (problems.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }
        if (mismatch == PythonKeyMismatch.Fail)
        {
            return ValidateOptionsResult.Fail(problems);
        }
        var logger = loggers?.CreateLogger(ConfigurationMessages.LoggingCategory);
        foreach (var problem in problems)
        {
            if (logger is not null)
            {
                KeyMismatch(logger, problem);
            }
        }
        return ValidateOptionsResult.Success;
    }

    private static void Compare([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type, string path, List<IConfigurationProvider> providers, List<string> problems, int depth)
    {
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.SetMethod?.IsPublic == true || IsFilledInPlace(p.PropertyType)))
            .ToDictionary(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? p.Name, StringComparer.OrdinalIgnoreCase);
        var keys = providers.SelectMany(p => p.GetChildKeys([], path)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var key in keys)
        {
            if (!members.TryGetValue(key, out var member))
            {
                problems.Add(ConfigurationMessages.KeyNotInOptions($"{path}:{key}", type.Name, Meant(key, members.Keys)));
            }
            else if (depth < 8 && IsNestedObject(member.PropertyType))
            {
                Compare(member.PropertyType, $"{path}:{key}", providers, problems, depth + 1);
            }
        }
        foreach (var (name, member) in members)
        {
            if (!keys.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(ConfigurationMessages.MemberNotProduced(type.Name, member.Name, path));
            }
        }
    }

    // Classes the binder fills member by member (not strings, collections or what converts from a string).
    private static bool IsNestedObject(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
        && !System.ComponentModel.TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    // The member a key was meant for: the same name but for case and underscores (what Python names
    // look like beside .NET's), else the nearest by spelling.
    private static string? Meant(string key, IEnumerable<string> members)
    {
        static string Plain(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        return members.FirstOrDefault(m => Plain(m) == Plain(key)) ?? Suggestions.Nearest(key, members);
    }

    private static bool IsFilledInPlace(Type type) => type.IsClass && type != typeof(string);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{Problem}")]
    private static partial void KeyMismatch(ILogger logger, string problem);
}
