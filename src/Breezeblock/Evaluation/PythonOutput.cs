using Breezeblock.Python;

namespace Breezeblock;

/// <summary>A line config code printed, or a record it logged with Python's <c>logging</c> (see <see cref="ConfigOptions.Output"/>).</summary>
/// <param name="Level">How serious: printing to stdout is <see cref="PythonOutputLevel.Information"/>, to stderr <see cref="PythonOutputLevel.Warning"/>; logging records keep their level.</param>
/// <param name="Message">The line, or the record's message (with its traceback, when it has one).</param>
/// <param name="Module">The folder module whose code printed or logged it, when that can be told.</param>
/// <param name="Logger">The logging logger's name; null for printed lines.</param>
public sealed record PythonOutput(PythonOutputLevel Level, string Message, string? Module, string? Logger);

/// <summary>The levels of Python's <c>logging</c> module.</summary>
public enum PythonOutputLevel
{
    /// <summary><c>logging.DEBUG</c> and below.</summary>
    Debug,

    /// <summary><c>logging.INFO</c>, and lines printed to stdout.</summary>
    Information,

    /// <summary><c>logging.WARNING</c>, and lines printed to stderr.</summary>
    Warning,

    /// <summary><c>logging.ERROR</c>.</summary>
    Error,

    /// <summary><c>logging.CRITICAL</c> and above.</summary>
    Critical,
}

/// <summary>
/// Hands what config code prints and logs to <see cref="ConfigOptions.Output"/> for the duration of
/// one evaluation (the embedded output.py does the Python side). The GIL must be held.
/// </summary>
internal sealed class OutputCapture : IDisposable
{
    private static PyObject? s_capture;
    private static PyObject? s_release;
    private readonly PyObject _state;

    private OutputCapture(PyObject state) => _state = state;

    /// <summary>Starts capturing, or returns null when the host did not ask for output.</summary>
    public static OutputCapture? Start(PythonRuntime runtime, ConfigOptions options, IEnumerable<SourceModule> modules)
    {
        if (options.Output is null)
        {
            return null;
        }
        if (s_capture is null)
        {
            var module = OutputModule.Get(runtime);
            s_capture = module.GetAttr("capture");
            s_release = module.GetAttr("release");
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var paths = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            names.Add(module.Name);
            paths[module.Path] = module.Name;
        }
        using var emit = PyFunction.Create("emit", args =>
        {
            var level = (int)args[0].AsInt64();
            options.Output?.Invoke(new PythonOutput(Level(level), SecretText.Redact.Apply(args[1].AsString()), args[2].IsNone ? null : args[2].AsString(), args[3].IsNone ? null : args[3].AsString()));
            return null;
        });
        return new OutputCapture(s_capture.Call(emit, names, paths, options.Limits.MaxOutputCharacters));
    }

    private static PythonOutputLevel Level(int level) => level switch
    {
        < 20 => PythonOutputLevel.Debug,
        < 30 => PythonOutputLevel.Information,
        < 40 => PythonOutputLevel.Warning,
        < 50 => PythonOutputLevel.Error,
        _ => PythonOutputLevel.Critical,
    };

    public void Dispose()
    {
        using (_state)
        {
            s_release!.Call(_state).Dispose();
        }
    }
}
