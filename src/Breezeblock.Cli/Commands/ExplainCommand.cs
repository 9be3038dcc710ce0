using System.CommandLine;

namespace Breezeblock.Cli;

/// <summary><c>breezeblock explain DIR NAME</c>: where a config's value comes from, transitively, with the values; <c>NAME.path</c>: why one value inside it is what it is.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliSetup setup)
    {
        var folder = CommonArguments.Folder();
        var name = new Argument<string>("NAME") { Description = "The config to explain, or a value inside it (web.replicas, web.ports[0])" };
        var evaluation = new EvaluationOptions();
        var command = new Command("explain", "Explain where a config's value comes from: its function and file:line, each parameter with what it resolved to (config, input, default), transitively, and the values; for a value inside a config (web.replicas), the line that computed it and what that line read") { folder, name };
        foreach (var option in evaluation.All(targets: false))
        {
            command.Options.Add(option);
        }
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, setup);
            return context.Guard(() =>
            {
                var asked = context.Get(name)!;
                var cut = asked.IndexOfAny(['.', '[']);
                var target = cut > 0 ? asked[..cut] : asked;
                using var engine = new ConfigEngine(evaluation.Build(context));
                using var workspace = engine.OpenWorkspace(context.Get(folder)!);
                var check = workspace.Check([target]);
                if (!check.Succeeded)
                {
                    context.Reporter.Errors(check.Errors, []);
                    return CliContext.ExitCodeOf(check.Errors);
                }
                var configs = check.Configs.ToDictionary(c => c.Name, StringComparer.Ordinal);
                using var result = workspace.Evaluate(configs.Keys);
                if (cut > 0)
                {
                    var (config, path) = ValueExplanation.Parse(asked, configs.Keys) ?? throw new CommandException(CliMessages.NoValueAt(asked));
                    context.Out.Write(new ValueExplanation(engine, result, configs, evaluation.InputTexts(context)).Render(config, path));
                    context.Out.Flush();
                    return ExitCodes.Success;
                }
                context.Out.Write(new ExplainTree(result, configs, evaluation.InputTexts(context)).Render(target));
                context.Out.Flush();
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
