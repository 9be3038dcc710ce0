using System.CommandLine;
using Breezeblock.Python;

namespace Breezeblock.Cli;

/// <summary><c>breezeblock eval DIR [--target NAME]... [--set NAME=VALUE]... [--format json|yaml]</c>.</summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folder = new Argument<string>("DIR") { Description = "The folder of Python config files" };
        var targets = new Option<string[]>("--target", "-t")
        {
            Description = "Evaluate only this config and what it needs (repeatable)",
            HelpName = "NAME",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var inputs = new Option<string[]>("--set", "-s")
        {
            Description = "Give an input (or replace a config's result): VALUE is parsed as JSON when it is valid JSON, else taken as text (repeatable)",
            HelpName = "NAME=VALUE",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "yaml");
        var python = CommonOptions.Python();
        var hosts = CommonOptions.Host();

        var command = new Command("eval", "Evaluate a folder of configs and print the results as one JSON (or YAML) object")
        {
            folder, targets, inputs, format, hosts, python,
        };
        command.SetAction(parsed =>
        {
            var options = new ConfigOptions { RedirectPrintToStandardError = true, StrictInputs = true, InputSyntax = InputParser.Syntax };
            options.Python.Path = parsed.GetValue(python);
            foreach (var argument in parsed.GetValue(inputs) ?? [])
            {
                if (InputParser.Parse(argument, out var error) is not { } input)
                {
                    return Failure.Usage(stderr, error!);
                }
                options.Inputs[input.Name] = input.Value;
            }
            var targetNames = parsed.GetValue(targets) is { Length: > 0 } names ? names : null;
            return Failure.Guard(stderr, () =>
            {
                HostAssemblies.Configure(parsed.GetValue(hosts) ?? [], options);
                using var engine = new ConfigEngine(options);
                using var result = engine.Evaluate(parsed.GetValue(folder)!, targetNames);
                var text = parsed.GetValue(format) == "yaml" ? result.ToYaml() : result.ToJson() + "\n";
                stdout.Write(text);
                stdout.Flush();
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
