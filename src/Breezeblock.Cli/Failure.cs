using Breezeblock.Python;

namespace Breezeblock.Cli;

/// <summary>
/// Turns every failure into <c>error: ...</c> on stderr and an exit code; never a .NET stack trace
/// (set BREEZEBLOCK_DEBUG=1 to see one for an internal error).
/// </summary>
internal static class Failure
{
    public static int Guard(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (ConfigException e)
        {
            stderr.WriteLine(e.Message);
            return e.Errors.All(error => error.Kind is ConfigErrorKind.FolderNotFound or ConfigErrorKind.UnknownTarget or ConfigErrorKind.UnusedInput or ConfigErrorKind.InvalidInput)
                ? ExitCodes.UsageError
                : ExitCodes.ConfigError;
        }
        catch (PythonNotFoundException e)
        {
            return Usage(stderr, e.Message);
        }
        catch (PythonStartException e)
        {
            return Usage(stderr, e.Message);
        }
        catch (HostLoadException e)
        {
            return Usage(stderr, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"error: internal error: {e.GetType().Name}: {e.Message}");
            stderr.WriteLine(Environment.GetEnvironmentVariable("BREEZEBLOCK_DEBUG") == "1"
                ? e.ToString()
                : "  this is a bug in breezeblock; please report it with the command you ran (BREEZEBLOCK_DEBUG=1 shows details)");
            return ExitCodes.ConfigError;
        }
    }

    public static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitCodes.UsageError;
    }
}
