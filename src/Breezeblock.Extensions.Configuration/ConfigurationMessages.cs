namespace Breezeblock.Extensions.Configuration;

/// <summary>Every text this package shows people (the engine's own errors come from the engine, already worded).</summary>
internal static class ConfigurationMessages
{
    /// <summary>Why typed options from a config cannot be trimmed or compiled ahead of time (as the framework's own Bind).</summary>
    public const string TypedOptionsNeedReflection =
        "Typed options from a config bind the config's value to TOptions and copy its properties by reflection at run time; " +
        "trimming and NativeAOT cannot keep what that needs. Bind the IConfiguration section with source-generated binding instead.";

    /// <summary>Why validating reloads against the application's options cannot be trimmed or compiled ahead of time.</summary>
    public const string ReloadValidationNeedsReflection =
        "Reloads are validated by creating each validated options type through IOptionsFactory<T>, found and called by reflection at run time " +
        "(as ValidateDataAnnotations itself reflects over the options); trimming and NativeAOT cannot keep what that needs. " +
        "AddPythonConfigLogging connects logging alone: a reload the validation refuses is then taken back once it is announced.";

    public static string FolderMissing(string path, string fullPath) =>
        $"the Python configuration folder '{path}' was not found and is not optional (looked for {fullPath})";

    public static string KeysDifferOnlyByCase(string config, string first, string second) =>
        $"config '{config}' gives keys that differ only by case, which IConfiguration cannot tell apart: {first} and {second}";

    public static string ReloadFailed(string path) => $"Python configuration in '{path}' could not be reloaded; the last good configuration stays in use";

    public static string LoadFailed(string path) => $"Python configuration in '{path}' could not be loaded";

    public static string ReloadRejected(string path) =>
        $"Python configuration in '{path}' was not reloaded: the application's options validation refused it, and the last good configuration stays in use";

    public static string ReloadRejectedAfterPublishing(string path) =>
        $"Python configuration in '{path}' was reloaded and then taken back: the application's options validation refused it when the change was announced, and the last good configuration is in use again " +
        "(services.AddPythonConfig() validates a reload before anything sees it)";

    public static string Refusal(string optionsType, string message) => $"  {optionsType}: {message}";

    public static string Reloaded(string path, IReadOnlyList<string> configs) =>
        $"Python configuration in '{path}' reloaded: {string.Join(", ", configs)} changed";

    public static string ReloadedNoChange(string path) => $"Python configuration in '{path}' evaluated again: no key changed, so nothing is announced";

    public static string ChangeCallbackFailed(string path) =>
        $"Python configuration in '{path}' was reloaded, and a change callback of the application failed";

    public static string LeftOut(string config) =>
        $"config '{config}' is not in IConfiguration: its value holds what configuration keys cannot (a function, say); read it with BindPythonConfig";

    public static string NoSuchConfig(string config, IEnumerable<string> available)
    {
        var names = available.ToList();
        var nearest = Suggestions.Nearest(config, names);
        return names.Count == 0
            ? $"no Python configuration source has a config named '{config}': add the folder with AddPythonConfig"
            : $"no Python configuration source has a config named '{config}'" + (nearest is null ? $"; the configs are: {string.Join(", ", names)}" : $"; did you mean '{nearest}'?");
    }

    public static string NotAConfigurationRoot(string config) =>
        $"config '{config}' cannot be bound: the IConfiguration in the services is not an IConfigurationRoot built with AddPythonConfig";

    public static string KeyNotInOptions(string key, string optionsType, string? meant) =>
        $"the Python configuration gives '{key}', which {optionsType} has no member for, so binding drops it"
        + (meant is null ? "" : $" (did you mean '{meant}'? the binder ignores case, not underscores)");

    public static string MemberNotProduced(string optionsType, string member, string section) =>
        $"{optionsType}.{member} is given by no key under '{section}' of the Python configuration, so it keeps its default";

    public const string LoggingCategory = "Breezeblock.Configuration";

    public const string PythonCategory = "Breezeblock.Python";
}
