using Breezeblock;
using Breezeblock.Extensions.Configuration;

namespace Microsoft.Extensions.Configuration;

/// <summary>Adds a folder of Python configs to a configuration, as the framework's <c>AddJsonFile</c> adds a file.</summary>
public static class PythonConfigurationExtensions
{
    /// <summary>Adds the configs in <paramref name="path"/>; the folder must exist.</summary>
    public static IConfigurationBuilder AddPythonConfig(this IConfigurationBuilder builder, string path) =>
        builder.AddPythonConfig(path, optional: false, reloadOnChange: false, configure: null);

    /// <summary>Adds the configs in <paramref name="path"/>; an <paramref name="optional"/> folder may be missing.</summary>
    public static IConfigurationBuilder AddPythonConfig(this IConfigurationBuilder builder, string path, bool optional) =>
        builder.AddPythonConfig(path, optional, reloadOnChange: false, configure: null);

    /// <summary>Adds the configs in <paramref name="path"/>, evaluated again when its files change if <paramref name="reloadOnChange"/>.</summary>
    public static IConfigurationBuilder AddPythonConfig(this IConfigurationBuilder builder, string path, bool optional, bool reloadOnChange) =>
        builder.AddPythonConfig(path, optional, reloadOnChange, configure: null);

    /// <summary>
    /// Adds the configs in <paramref name="path"/>. <paramref name="configure"/> sets up the engine:
    /// inputs (<c>o.Inputs["environment"] = builder.Environment.EnvironmentName</c>), host modules,
    /// which Python to use.
    /// </summary>
    public static IConfigurationBuilder AddPythonConfig(this IConfigurationBuilder builder, string path, bool optional, bool reloadOnChange, Action<ConfigOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.AddPythonConfig(source =>
        {
            source.Path = path;
            source.Optional = optional;
            source.ReloadOnChange = reloadOnChange;
            source.ConfigureEngine = configure;
        });
    }

    /// <summary>Adds a Python configuration source set up by <paramref name="configureSource"/>.</summary>
    public static IConfigurationBuilder AddPythonConfig(this IConfigurationBuilder builder, Action<PythonConfigurationSource>? configureSource)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var source = new PythonConfigurationSource();
        configureSource?.Invoke(source);
        return builder.Add(source);
    }
}
