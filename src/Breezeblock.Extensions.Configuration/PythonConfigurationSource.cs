using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Breezeblock.Extensions.Configuration;

/// <summary>
/// A folder of Python configs as a configuration source: every config becomes a section named after
/// it (<c>web:Port</c>, <c>web:Labels:team</c>, <c>web:Ports:0:Number</c>). Add it with
/// <c>AddPythonConfig</c>.
/// </summary>
public sealed class PythonConfigurationSource : IConfigurationSource
{
    /// <summary>The folder of config files: absolute, or relative to the builder's base path (the content root in ASP.NET Core, as for appsettings.json).</summary>
    public string? Path { get; set; }

    /// <summary>True: a missing folder gives an empty configuration (which appears when the folder does, with <see cref="ReloadOnChange"/>). False: a missing folder is an error at startup.</summary>
    public bool Optional { get; set; }

    /// <summary>Evaluate again when a file under the folder changes, and fire the change token when the configuration changed.</summary>
    public bool ReloadOnChange { get; set; }

    /// <summary>Milliseconds to wait after the last change before evaluating again, so that one save (or many) makes one reload. Default 250.</summary>
    public int ReloadDelay { get; set; } = 250;

    /// <summary>Sets up the engine: inputs, host modules, which Python to use (see <see cref="ConfigOptions"/>).</summary>
    public Action<ConfigOptions>? ConfigureEngine { get; set; }

    /// <summary>
    /// A section of the configuration sources added before this one whose keys become inputs (strings),
    /// read again at every evaluation: with <c>"Breezeblock:Inputs"</c>, an environment variable
    /// <c>Breezeblock__Inputs__region=eu</c> is the input <c>region</c>.
    /// </summary>
    public string? InputsSection { get; set; }

    /// <summary>
    /// Like <see cref="InputsSection"/>, for secret inputs (<see cref="ConfigOptions.Secrets"/>): with
    /// <c>"Breezeblock:Secrets"</c>, the user-secrets entry <c>Breezeblock:Secrets:db_password</c> or a
    /// key vault's <c>Breezeblock--Secrets--db-password</c> reaches config code as a <c>breezeblock.Secret</c>.
    /// </summary>
    public string? SecretsSection { get; set; }

    /// <summary>
    /// Where config code's <c>print()</c> and <c>logging</c> go (category <c>Breezeblock.Python</c>, the
    /// module as a scope), and load errors (category <c>Breezeblock.Configuration</c>). In an app with
    /// dependency injection, <c>services.AddPythonConfigLogging()</c> connects the app's own instead;
    /// what is logged before either is kept and written when one arrives.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Called when loading or reloading fails. At startup, set <see cref="PythonLoadExceptionContext.Ignore"/> to go on without this source instead of throwing.</summary>
    public Action<PythonLoadExceptionContext>? OnLoadException { get; set; }

    /// <summary>The provider for this source; the configuration built by <paramref name="builder"/> so far supplies <see cref="InputsSection"/>.</summary>
    public IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var folder = System.IO.Path.IsPathRooted(Path) || builder.GetFileProvider() is not Microsoft.Extensions.FileProviders.PhysicalFileProvider physical
            ? System.IO.Path.GetFullPath(Path ?? throw new InvalidOperationException("the Python configuration source has no Path"))
            : System.IO.Path.GetFullPath(System.IO.Path.Combine(physical.Root, Path ?? ""));
        return new PythonConfigurationProvider(this, folder, InputsSection is null && SecretsSection is null ? null : Earlier(builder));
    }

    // ConfigurationManager (WebApplicationBuilder.Configuration) is the configuration built so far
    // itself; a plain ConfigurationBuilder has its earlier sources built on their own.
    private IConfiguration Earlier(IConfigurationBuilder builder)
    {
        if (builder is IConfiguration live)
        {
            return live;
        }
        var earlier = new ConfigurationBuilder();
        foreach (var source in builder.Sources.TakeWhile(s => !ReferenceEquals(s, this)))
        {
            earlier.Add(source);
        }
        return earlier.Build();
    }
}

/// <summary>What failed when a Python configuration source loaded or reloaded.</summary>
public sealed class PythonLoadExceptionContext
{
    internal PythonLoadExceptionContext(PythonConfigurationProvider provider, Exception exception, bool reload)
    {
        Provider = provider;
        Exception = exception;
        Reload = reload;
    }

    /// <summary>The provider that failed.</summary>
    public PythonConfigurationProvider Provider { get; }

    /// <summary>What went wrong: a <see cref="ConfigException"/> for errors in the configs (its message names file and line).</summary>
    public Exception Exception { get; }

    /// <summary>True for a reload, which never throws: the last good configuration stays.</summary>
    public bool Reload { get; }

    /// <summary>At startup, true goes on without this source's data instead of throwing.</summary>
    public bool Ignore { get; set; }
}
