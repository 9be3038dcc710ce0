namespace Breezeblock.Cli;

/// <summary>
/// <c>--set-secret NAME=VALUE</c>, <c>--secret-file NAME=PATH</c> and <c>--secret-env NAME=VARIABLE</c>:
/// secret inputs (<see cref="ConfigOptions.Secrets"/>), read before any config code runs, so that a
/// hermetic evaluation, which may not read files or the environment, can still be given them.
/// </summary>
internal static class SecretInputs
{
    /// <exception cref="CommandException">An argument is malformed, a file cannot be read, a variable is not set, or a name is given twice.</exception>
    public static void Add(ConfigOptions options, string[]? values, string[]? files, string[]? variables)
    {
        foreach (var argument in values ?? [])
        {
            var (name, value) = Split("--set-secret", argument);
            Set(options, name, value);
        }
        foreach (var argument in files ?? [])
        {
            var (name, path) = Split("--secret-file", argument);
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandException(CliMessages.SecretFileUnreadable(name, path, FileErrors.Reason(e)));
            }
            Set(options, name, text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text);
        }
        foreach (var argument in variables ?? [])
        {
            var (name, variable) = Split("--secret-env", argument);
            Set(options, name, Environment.GetEnvironmentVariable(variable) ?? throw new CommandException(CliMessages.SecretVariableUnset(name, variable)));
        }
    }

    private static (string Name, string Text) Split(string option, string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        // the message never repeats the argument: it may be a secret's value
        return equals > 0 ? (argument[..equals], argument[(equals + 1)..]) : throw new CommandException(CliMessages.SecretExpectsNameValue(option));
    }

    private static void Set(ConfigOptions options, string name, string value)
    {
        if (options.Inputs.ContainsKey(name) || !options.Secrets.TryAdd(name, value))
        {
            throw new CommandException(CliMessages.SecretGivenTwice(name));
        }
    }
}
