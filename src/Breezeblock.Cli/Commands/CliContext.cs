using System.CommandLine;
using Breezeblock.Python;

namespace Breezeblock.Cli;

/// <summary>
/// One run of a command: its parsed arguments, where it writes, and the one place failures become
/// an error on stderr and an exit code (never a .NET stack trace; BREEZEBLOCK_DEBUG=1 shows one for
/// an internal error).
/// </summary>
internal sealed class CliContext
{
    private CliContext(ParseResult parsed, CliStreams streams, Reporter reporter)
    {
        Parsed = parsed;
        Out = streams.Out;
        Stop = streams.Stop;
        Reporter = reporter;
    }

    public ParseResult Parsed { get; }

    public TextWriter Out { get; }

    public Reporter Reporter { get; }

    public CancellationToken Stop { get; }

    public string? PythonPath { get; private init; }

    /// <summary>Colours for what goes to stdout (a plan), decided for stdout itself.</summary>
    public Style OutStyle { get; private init; } = Style.Plain;

    public static CliContext From(ParseResult parsed, CliSetup setup)
    {
        var globals = setup.Globals;
        var streams = setup.Streams;
        var noColor = parsed.GetValue(globals.NoColor);
        var errorStyle = new Style(Style.ShouldColor(noColor, streams.ErrorIsTerminal, Environment.GetEnvironmentVariable));
        var reporter = new Reporter(streams.Error, GlobalOptions.ParseErrorFormat(parsed.GetValue(globals.ErrorFormat)), errorStyle, parsed.GetValue(globals.Quiet));
        return new CliContext(parsed, streams, reporter)
        {
            PythonPath = parsed.GetValue(globals.Python),
            OutStyle = new Style(Style.ShouldColor(noColor, streams.OutIsTerminal, Environment.GetEnvironmentVariable)),
        };
    }

    public T? Get<T>(Option<T> option) => Parsed.GetValue(option);

    public T? Get<T>(Argument<T> argument) => Parsed.GetValue(argument);

    public int Usage(string message)
    {
        Reporter.Failure("UsageError", message);
        return ExitCodes.UsageError;
    }

    /// <summary>Runs a command's work, turning every failure into errors on stderr and an exit code.</summary>
    public int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (ConfigException e)
        {
            Reporter.Errors(e.Errors, e.Skipped);
            return ExitCodeOf(e.Errors);
        }
        catch (PythonNotFoundException e)
        {
            return Usage(e.Message);
        }
        catch (PythonStartException e)
        {
            return Usage(e.Message);
        }
        catch (HostLoadException e)
        {
            return Usage(e.Message);
        }
        catch (CommandException e)
        {
            return Usage(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Usage(CliMessages.FileProblem(FileErrors.Reason(e))); // a file or folder the command cannot use
        }
        catch (OperationCanceledException) when (Stop.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Reporter.Failure("InternalError", CliMessages.InternalError(e, Environment.GetEnvironmentVariable("BREEZEBLOCK_DEBUG") == "1"));
            return ExitCodes.ConfigError;
        }
    }

    /// <summary>2 when every error is about how the command was called (a missing folder, an unknown target or input), else 1.</summary>
    public static int ExitCodeOf(IReadOnlyList<ConfigError> errors) =>
        errors.Count > 0 && errors.All(error => error.Kind is ConfigErrorKind.FolderNotFound or ConfigErrorKind.UnknownTarget or ConfigErrorKind.UnusedInput or ConfigErrorKind.InvalidInput)
            ? ExitCodes.UsageError
            : ExitCodes.ConfigError;
}

/// <summary>A command was given something it cannot use (a file it cannot read, a folder it will not overwrite): exit 2 with the message.</summary>
internal sealed class CommandException(string message) : Exception(message);
