using Microsoft.Extensions.Logging;

namespace Breezeblock.Extensions.Configuration;

/// <summary>
/// Config code's output (category <c>Breezeblock.Python</c>, the module as a scope) and the provider's
/// load errors (category <c>Breezeblock.Configuration</c>) to ILogger. Configuration loads before an
/// app's logging exists, so until a logger factory is attached the entries are kept (the first
/// 1,000) and written when it comes.
/// </summary>
internal sealed partial class PythonLog
{
    private const int MaxKept = 1000;
    private readonly Lock _lock = new();
    private readonly List<Action> _kept = [];
    private ILogger? _python;
    private ILogger? _errors;

    public void Attach(ILoggerFactory factory)
    {
        List<Action> kept;
        lock (_lock)
        {
            _python = factory.CreateLogger(ConfigurationMessages.PythonCategory);
            _errors = factory.CreateLogger(ConfigurationMessages.LoggingCategory);
            kept = [.. _kept];
            _kept.Clear();
        }
        foreach (var write in kept)
        {
            write();
        }
    }

    public void Output(PythonOutput output) => Write(() =>
    {
        var level = Level(output.Level);
        if (!_python!.IsEnabled(level))
        {
            return;
        }
        using var scope = output.Module is null ? null : ModuleScope(_python, output.Module);
        PythonLine(_python, level, output.Message); // masked as the engine captured it
    });

    public void Error(string message, Exception exception) => Write(() =>
    {
        if (exception is ConfigException or FormatException or DirectoryNotFoundException)
        {
            LoadFailed(_errors!, SecretMasking.Redact(message), SecretMasking.Redact(exception.Message)); // the errors name file and line; a .NET stack trace would not help
        }
        else
        {
            LoadFailedUnexpectedly(_errors!, exception, SecretMasking.Redact(message));
        }
    });

    public void Debug(string message) => Write(() => Note(_errors!, message));

    public void Reloaded(string message) => Write(() => ReloadedLine(_errors!, message));

    public void Rejected(string message, string refusals) => Write(() => RejectedLine(_errors!, SecretMasking.Redact(message), SecretMasking.Redact(refusals)));

    private static readonly Func<ILogger, string, IDisposable?> ModuleScope = LoggerMessage.DefineScope<string>("Python module {PythonModule}");

    [LoggerMessage(EventId = 1, Message = "{Message}")]
    private static partial void PythonLine(ILogger logger, LogLevel level, string message);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{Message}\n{Errors}")]
    private static partial void LoadFailed(ILogger logger, string message, string errors);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "{Message}")]
    private static partial void LoadFailedUnexpectedly(ILogger logger, Exception exception, string message);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "{Message}")]
    private static partial void Note(ILogger logger, string message);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "{Message}")]
    private static partial void ReloadedLine(ILogger logger, string message);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "{Message}\n{Refusals}")]
    private static partial void RejectedLine(ILogger logger, string message, string refusals);

    private void Write(Action write)
    {
        lock (_lock)
        {
            if (_python is null)
            {
                if (_kept.Count < MaxKept)
                {
                    _kept.Add(write);
                }
                return;
            }
        }
        write();
    }

    private static LogLevel Level(PythonOutputLevel level) => level switch
    {
        PythonOutputLevel.Debug => LogLevel.Debug,
        PythonOutputLevel.Information => LogLevel.Information,
        PythonOutputLevel.Warning => LogLevel.Warning,
        PythonOutputLevel.Error => LogLevel.Error,
        _ => LogLevel.Critical,
    };
}
