using System.CommandLine;

namespace Breezeblock.Cli;

/// <summary><c>breezeblock explain DIR NAME</c>: where a config's value comes from, transitively, with the values.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliSetup setup)
    {
        var folder = CommonArguments.Folder();
        var name = new Argument<string>("NAME") { Description = "The config to explain" };
        var evaluation = new EvaluationOptions();
        var command = new Command("explain", "Explain where a config's value comes from: its function and file:line, each parameter with what it resolved to (config, input, default), transitively, and the values") { folder, name };
        foreach (var option in evaluation.All(targets: false))
        {
            command.Options.Add(option);
        }
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, setup);
            return context.Guard(() =>
            {
                var target = context.Get(name)!;
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
                context.Out.Write(new ExplainTree(result, configs, evaluation.InputTexts(context)).Render(target));
                context.Out.Flush();
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
