using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Breezeblock.Extensions.Configuration;

/// <summary>
/// Evaluates a folder of Python configs into configuration keys, through a workspace that stays
/// loaded: with <see cref="PythonConfigurationSource.ReloadOnChange"/>, a change under the folder
/// evaluates again (only what changed runs) and fires the change token once when the configuration
/// changed. A reload that fails keeps the last good configuration, reports the error with its file
/// and line to the logger and <see cref="PythonConfigurationSource.OnLoadException"/>, and fires
/// nothing. So does a reload the application's options validation rejects: the change token fires
/// first with the new keys visible only on the reloading thread, where options monitors recompute
/// and validate; only if none refuses are the keys published. Readers see one configuration or the
/// next, never part of each.
/// </summary>
public sealed class PythonConfigurationProvider : ConfigurationProvider, IDisposable
{
    private readonly IConfiguration? _earlier;
    private readonly Lock _loading = new();
    private readonly FolderWatcher? _watcher;
    private readonly HashSet<string> _sectionInputs = new(StringComparer.Ordinal);
    private readonly LiveData _data = new();
    private bool _publishedIsLast; // the published keys are the last evaluation's (none failed or was refused since)
    private ConfigOptions? _options;
    private ConfigEngine? _engine;
    private ConfigWorkspace? _workspace;
    private ConfigResult? _result;

    internal PythonConfigurationProvider(PythonConfigurationSource source, string folder, IConfiguration? earlier)
    {
        Source = source;
        _earlier = earlier;
        Data = _data;
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
                var result = Evaluate(workspace);
                // Configs that did not change since the last evaluation keep their keys, when that one is what was published.
                var (data, leftOut) = _publishedIsLast ? ConfigurationData.From(result, _data.Published, Result?.Names) : ConfigurationData.From(result);
                _publishedIsLast = false; // until this one is published
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

    /// <summary>
    /// Set when the application's services are connected (<c>services.AddPythonConfig()</c>): runs the
    /// options validators the application registered against the configuration as the calling thread
    /// sees it, and returns what they refused.
    /// </summary>
    internal Func<IReadOnlyList<OptionsValidationException>>? Validate { get; set; }

    // As the framework's providers do, keys the source defines twice (two configs of one name) are a
    // FormatException; the ConfigException with every error is its inner exception.
    private static ConfigResult Evaluate(ConfigWorkspace workspace)
    {
        try
        {
            return workspace.Evaluate();
        }
        catch (ConfigException e) when (e.Errors.Any(error => error.Kind == ConfigErrorKind.DuplicateName))
        {
            throw new FormatException(e.Message, e);
        }
    }

    // Publishes the keys. A reload is first validated, when the application's validators are known:
    // with the new keys visible on this thread alone, so nobody sees keys that are refused. Without
    // them, a refusal shows when the change token fires (an options monitor's validation throws): the
    // last good keys are published again, and the monitors recompute from them.
    private void Replace(Dictionary<string, string?> data, ConfigResult? result, bool reload)
    {
        var previous = _data.Published;
        var previousResult = Result;
        var changed = ConfigurationData.ChangedConfigs(previous, data);
        if (!reload || changed.Count == 0)
        {
            _data.Published = data;
            _publishedIsLast = result is not null;
            Volatile.Write(ref _result, result); // the one it replaces may still be read: the garbage collector releases it
            if (reload)
            {
                Log.Debug(ConfigurationMessages.ReloadedNoChange(Source.Path!));
            }
            return;
        }
        if (Validate is { } validate)
        {
            IReadOnlyList<OptionsValidationException> refused;
            using (_data.Show(data))
            {
                refused = validate();
            }
            if (refused.Count > 0)
            {
                Rejected(refused, published: false);
                return;
            }
        }
        _data.Published = data;
        _publishedIsLast = true;
        Volatile.Write(ref _result, result);
        var callbacks = Fire();
        if (ValidationFailures(callbacks) is { Count: > 0 } late)
        {
            _data.Published = previous;
            Volatile.Write(ref _result, previousResult);
            _publishedIsLast = false;
            Fire(); // the options computed from the refused keys are computed again from the last good ones
            Rejected(late, published: true);
            return;
        }
        Log.Reloaded(ConfigurationMessages.Reloaded(Source.Path!, changed));
        if (callbacks is not null)
        {
            Log.Error(ConfigurationMessages.ChangeCallbackFailed(Source.Path!), callbacks);
        }
    }

    // Fires the change token; what its callbacks threw (aggregated), if anything.
    private Exception? Fire()
    {
        try
        {
            OnReload();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private void Rejected(IReadOnlyList<OptionsValidationException> refused, bool published)
    {
        var exception = refused.Count == 1 ? (Exception)refused[0] : new AggregateException(refused);
        Log.Rejected(published ? ConfigurationMessages.ReloadRejectedAfterPublishing(Source.Path!) : ConfigurationMessages.ReloadRejected(Source.Path!),
            string.Join("\n", refused.Select(r => ConfigurationMessages.Refusal(r.OptionsType.Name, r.Message))));
        Source.OnLoadException?.Invoke(new PythonLoadExceptionContext(this, exception, reload: true));
    }

    // The options validations among what the change callbacks threw (the token aggregates them).
    private static List<OptionsValidationException> ValidationFailures(Exception? thrown)
    {
        var found = new List<OptionsValidationException>();
        var pending = new Stack<Exception>();
        if (thrown is not null)
        {
            pending.Push(thrown);
        }
        while (pending.TryPop(out var exception))
        {
            switch (exception)
            {
                case OptionsValidationException validation:
                    found.Add(validation);
                    break;
                case AggregateException aggregate:
                    aggregate.InnerExceptions.ToList().ForEach(pending.Push);
                    break;
                case { InnerException: { } inner }:
                    pending.Push(inner);
                    break;
            }
        }
        return found;
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
        if (_earlier is null || (Source.InputsSection is null && Source.SecretsSection is null))
        {
            return;
        }
        foreach (var name in _sectionInputs)
        {
            _options!.Inputs.Remove(name);
            _options.Secrets.Remove(name);
        }
        _sectionInputs.Clear();
        foreach (var (section, secret) in (ReadOnlySpan<(string?, bool)>)[(Source.InputsSection, false), (Source.SecretsSection, true)])
        {
            if (section is null)
            {
                continue;
            }
            foreach (var child in _earlier.GetSection(section).GetChildren())
            {
                if (child.Value is not null)
                {
                    if (secret)
                    {
                        _options!.Secrets[child.Key] = child.Value;
                    }
                    else
                    {
                        _options!.Inputs[child.Key] = child.Value;
                    }
                    _sectionInputs.Add(child.Key);
                }
            }
        }
    }

    /// <summary>
    /// A key's value. A value holding a secret is the value itself for every reader except the
    /// framework's <c>GetDebugView()</c>, which has no hook to mask it: to that one it is <c>(secret)</c>.
    /// </summary>
    public override bool TryGet(string key, out string? value)
    {
        if (!base.TryGet(key, out value))
        {
            return false;
        }
        if (value is not null && SecretMasking.IsIn(value) && DebugView.IsAsking())
        {
            value = SecretMasking.Redact(value);
        }
        return true;
    }

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
