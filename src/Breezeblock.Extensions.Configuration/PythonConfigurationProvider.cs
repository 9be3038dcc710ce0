using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Configuration;

namespace Breezeblock.Extensions.Configuration;

/// <summary>
/// Evaluates a folder of Python configs into configuration keys, through a workspace that stays
/// loaded: with <see cref="PythonConfigurationSource.ReloadOnChange"/>, a change under the folder
/// evaluates again (only what changed runs) and fires the change token once when the configuration
/// changed. A reload that fails keeps the last good configuration, reports the error with its file
/// and line to the logger and <see cref="PythonConfigurationSource.OnLoadException"/>, and fires
/// nothing. Readers see one configuration or the next, never part of each.
/// </summary>
public sealed class PythonConfigurationProvider : ConfigurationProvider, IDisposable
{
    private readonly IConfiguration? _earlier;
    private readonly Lock _loading = new();
    private readonly FolderWatcher? _watcher;
    private readonly HashSet<string> _sectionInputs = new(StringComparer.Ordinal);
    private ConfigOptions? _options;
    private ConfigEngine? _engine;
    private ConfigWorkspace? _workspace;
    private ConfigResult? _result;

    internal PythonConfigurationProvider(PythonConfigurationSource source, string folder, IConfiguration? earlier)
    {
        Source = source;
        _earlier = earlier;
        Folder = Path.TrimEndingDirectorySeparator(folder);
        if (source.LoggerFactory is { } factory)
        {
            Log.Attach(factory);
        }
        if (source.ReloadOnChange)
        {
            _watcher = new FolderWatcher(Folder, TimeSpan.FromMilliseconds(Math.Max(0, source.ReloadDelay)), () => Load(reload: true));
        }
    }

    /// <summary>The source this provider reads.</summary>
    public PythonConfigurationSource Source { get; }

    /// <summary>The folder's absolute path.</summary>
    public string Folder { get; }

    /// <summary>The last configuration that loaded, with typed values (host objects as themselves); null before one has.</summary>
    public ConfigResult? Result => Volatile.Read(ref _result);

    internal PythonLog Log { get; } = new();

    /// <summary>Evaluates the folder (the first time, or for <c>IConfigurationRoot.Reload()</c>): an error throws, unless <see cref="PythonLoadExceptionContext.Ignore"/> says otherwise, and keeps the data as it was.</summary>
    public override void Load() => Load(reload: false);

    private void Load(bool reload)
    {
        lock (_loading)
        {
            try
            {
                if (!Directory.Exists(Folder))
                {
                    if (!Source.Optional)
                    {
                        throw new DirectoryNotFoundException(ConfigurationMessages.FolderMissing(Source.Path!, Folder));
                    }
                    Replace(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase), null, reload);
                    return;
                }
                var workspace = _workspace ??= Engine().OpenWorkspace(Folder);
                ReadInputs();
                var result = workspace.Evaluate();
                var (data, leftOut) = ConfigurationData.From(result);
                foreach (var name in leftOut)
                {
                    Log.Debug(ConfigurationMessages.LeftOut(name));
                }
                foreach (var warning in result.Warnings)
                {
                    Log.Debug(ErrorFormatter.FormatWarning(warning));
                }
                Replace(data, result, reload);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Failed(e, reload);
            }
        }
    }

    // One reference swap: a reader sees the old data or the new, never part of each.
    private void Replace(Dictionary<string, string?> data, ConfigResult? result, bool reload)
    {
        var changed = !Same(Data, data);
        Data = data;
        Volatile.Write(ref _result, result); // the one it replaces may still be read: the garbage collector releases it
        if (reload && changed)
        {
            OnReload();
        }
    }

    private void Failed(Exception exception, bool reload)
    {
        Log.Error(reload ? ConfigurationMessages.ReloadFailed(Source.Path!) : ConfigurationMessages.LoadFailed(Source.Path!), exception);
        var context = new PythonLoadExceptionContext(this, exception, reload);
        Source.OnLoadException?.Invoke(context);
        if (!reload && !context.Ignore)
        {
            ExceptionDispatchInfo.Capture(exception).Throw();
        }
    }

    private ConfigEngine Engine()
    {
        if (_engine is null)
        {
            var options = new ConfigOptions();
            Source.ConfigureEngine?.Invoke(options);
            var own = options.Output;
            options.Output = own is null ? Log.Output : output => { own(output); Log.Output(output); };
            _options = options;
            _engine = new ConfigEngine(options);
        }
        return _engine;
    }

    // The inputs from the sources added before this one, read again for each evaluation.
    private void ReadInputs()
    {
        if (_earlier is null || Source.InputsSection is null)
        {
            return;
        }
        foreach (var name in _sectionInputs)
        {
            _options!.Inputs.Remove(name);
        }
        _sectionInputs.Clear();
        foreach (var child in _earlier.GetSection(Source.InputsSection).GetChildren())
        {
            if (child.Value is not null)
            {
                _options!.Inputs[child.Key] = child.Value;
                _sectionInputs.Add(child.Key);
            }
        }
    }

    // Readers look keys up ignoring case, so a key that only changed case is no change.
    private static bool Same(IDictionary<string, string?> a, Dictionary<string, string?> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var value) && value == p.Value);

    /// <summary>Names the folder and whether it is required, as the framework's file providers do.</summary>
    public override string ToString() => $"{nameof(PythonConfigurationProvider)} for '{Source.Path}' ({(Source.Optional ? "Optional" : "Required")})";

    /// <summary>Stops watching the folder and releases the workspace.</summary>
    public void Dispose()
    {
        _watcher?.Dispose();
        lock (_loading)
        {
            _workspace?.Dispose();
            _workspace = null;
            _engine?.Dispose();
        }
    }
}
