using System.CommandLine;

namespace Breezeblock.Cli;

/// <summary>
/// The options of every command that loads a folder: which configs (<c>--target</c>), the inputs
/// (<c>--values</c> files, <c>--set</c>, secrets) and the application's host modules (<c>--host</c>);
/// and the engine options they make.
/// </summary>
internal sealed class EvaluationOptions
{
    public Option<string[]> Targets { get; } = new("--target", "-t")
    {
        Description = "Only this config and what it needs (repeatable)",
        HelpName = "NAME",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> ValuesFiles { get; } = new("--values")
    {
        Description = "Give inputs from a JSON or YAML file whose top level maps input names to values; files apply in order, a later one winning and mappings merging key by key, and --set wins over them (repeatable)",
        HelpName = "FILE",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Inputs { get; } = new("--set", "-s")
    {
        Description = "Give an input (or replace a config's result): VALUE is parsed as JSON when it is valid JSON, else taken as text (repeatable)",
        HelpName = "NAME=VALUE",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> TextInputs { get; } = new("--set-string")
    {
        Description = "Give an input as text, never parsed as JSON (--set-string version=1.10 gives \"1.10\"); it wins over a --set of the same name (repeatable)",
        HelpName = "NAME=VALUE",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> SecretValues { get; } = new("--set-secret")
    {
        Description = "Give a secret input: config code receives it as a breezeblock.Secret, and it is never shown or written (outputs, errors and plans show (secret)); prefer --secret-file or --secret-env, which keep the value out of the shell's history (repeatable)",
        HelpName = "NAME=VALUE",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> SecretFiles { get; } = new("--secret-file")
    {
        Description = "Give a secret input read from a file (one trailing newline is dropped), such as /run/secrets/db_password (repeatable)",
        HelpName = "NAME=PATH",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> SecretVariables { get; } = new("--secret-env")
    {
        Description = "Give a secret input from an environment variable (repeatable)",
        HelpName = "NAME=VARIABLE",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Hosts { get; } = new("--host")
    {
        Description = "An application assembly whose IConfigHost registers the host modules (types and functions) the configs import (repeatable). "
            + "Loading it needs the JIT: the native breezeblock hands such a command to the JIT build installed beside it",
        HelpName = "APP.dll",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<double?> Timeout { get; } = new("--timeout")
    {
        Description = "Stop the evaluation after this many seconds, with an error at the line it was running (exit 1)",
        HelpName = "SECONDS",
    };

    public Option<bool> Isolate { get; } = new("--isolate")
    {
        Description = "Run the configs in a separate process, so that a crash, an exit or a memory bomb in config code is reported and cannot take the command down",
    };

    public Option<bool> Hermetic { get; } = new("--hermetic")
    {
        Description = "Same folder and inputs, same output: configs may read only their folder and the standard library, and may not write, use the network, start processes or read the environment (with --isolate, enforced by bubblewrap)",
    };

    public IEnumerable<Option> All(bool targets = true) => targets
        ? [Targets, ValuesFiles, Inputs, TextInputs, SecretValues, SecretFiles, SecretVariables, Hosts, Timeout, Isolate, Hermetic]
        : [ValuesFiles, Inputs, TextInputs, SecretValues, SecretFiles, SecretVariables, Hosts, Timeout, Isolate, Hermetic];

    // The files each input from --values came from (set by Build).
    private Dictionary<string, List<string>> _valuesSources = [];

    public IReadOnlyList<string>? TargetNames(CliContext context) => context.Get(Targets) is { Length: > 0 } names ? names : null;

    /// <summary>Each input's argument as given on the command line (<c>--set NAME=VALUE</c>), by name: how <c>explain</c> shows where a value came from.</summary>
    public Dictionary<string, string> InputTexts(CliContext context)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, files) in _valuesSources)
        {
            texts[name] = CliMessages.InputFromFiles(files);
        }
        ReadOnlySpan<(string, string[]?)> given =
        [
            ("--set", context.Get(Inputs)), ("--set-string", context.Get(TextInputs)),
            ("--set-secret", context.Get(SecretValues)), ("--secret-file", context.Get(SecretFiles)), ("--secret-env", context.Get(SecretVariables)),
        ];
        foreach (var (option, arguments) in given)
        {
            foreach (var argument in arguments ?? [])
            {
                var equals = argument.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    // where a secret comes from is shown (its file, its variable), never the value
                    texts[argument[..equals]] = CliMessages.InputArgument(option, argument[..equals], option == "--set-secret" ? CliMessages.SecretShown : argument[(equals + 1)..]);
                }
            }
        }
        return texts;
    }

    /// <summary>Engine options from the command line: Python, inputs (strict: an unused one is an error), host modules.</summary>
    /// <exception cref="CommandException">A <c>--set</c> is malformed, or <c>--timeout</c> is not a positive number.</exception>
    /// <exception cref="HostLoadException">A <c>--host</c> assembly cannot be used.</exception>
    public ConfigOptions Build(CliContext context)
    {
        var options = new ConfigOptions { RedirectPrintToStandardError = true, StrictInputs = true, InputSyntax = InputParser.Syntax, IsolationSyntax = "--isolate" };
        options.Python.Path = context.PythonPath;
        var (values, sources) = Cli.ValuesFiles.Read(context.Get(ValuesFiles) ?? []);
        foreach (var (name, value) in values)
        {
            options.Inputs[name] = value;
        }
        _valuesSources = sources;
        foreach (var argument in context.Get(Inputs) ?? [])
        {
            if (InputParser.Parse(argument, out var error) is not { } input)
            {
                throw new CommandException(error!);
            }
            options.Inputs[input.Name] = input.Value;
        }
        foreach (var argument in context.Get(TextInputs) ?? [])
        {
            if (InputParser.Parse(argument, out var error, asText: true) is not { } input)
            {
                throw new CommandException(error!);
            }
            options.Inputs[input.Name] = input.Value;
        }
        SecretInputs.Add(options, context.Get(SecretValues), context.Get(SecretFiles), context.Get(SecretVariables));
        if (context.Get(Timeout) is { } seconds)
        {
            options.Timeout = seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds) : throw new CommandException(CliMessages.TimeoutNotPositive(seconds));
        }
        HostAssemblies.Configure(context.Get(Hosts) ?? [], options);
        options.Hermetic = context.Get(Hermetic);
        if (context.Get(Isolate))
        {
            options.Isolation = ConfigIsolation.Process;
            options.WorkerCommand = WorkerRole.StartCommand(context.Get(Hosts) ?? []);
        }
        return options;
    }
}
