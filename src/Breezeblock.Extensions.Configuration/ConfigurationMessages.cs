namespace Breezeblock.Extensions.Configuration;

/// <summary>Every text this package shows people (the engine's own errors come from the engine, already worded).</summary>
internal static class ConfigurationMessages
{
    /// <summary>Why typed options from a config cannot be trimmed or compiled ahead of time (as the framework's own Bind).</summary>
    public const string TypedOptionsNeedReflection =
        "Typed options from a config bind the config's value to TOptions and copy its properties by reflection at run time; " +
        "trimming and NativeAOT cannot keep what that needs. Bind the IConfiguration section with source-generated binding instead.";

    public static string FolderMissing(string path, string fullPath) =>
        $"the Python configuration folder '{path}' was not found and is not optional (looked for {fullPath})";

    public static string KeysDifferOnlyByCase(string config, string first, string second) =>
        $"config '{config}' gives keys that differ only by case, which IConfiguration cannot tell apart: {first} and {second}";

    public static string ReloadFailed(string path) => $"Python configuration in '{path}' could not be reloaded; the last good configuration stays in use";

    public static string LoadFailed(string path) => $"Python configuration in '{path}' could not be loaded";

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

    public const string LoggingCategory = "Breezeblock.Configuration";

    public const string PythonCategory = "Breezeblock.Python";
}
