using System.CommandLine;

namespace Breezeblock.Cli;

/// <summary><c>breezeblock graph DIR [--format text|mermaid|dot] [--target NAME]...</c>: the dependency graph, without running any config.</summary>
internal static class GraphCommand
{
    public static Command Create(CliSetup setup)
    {
        var folder = CommonArguments.Folder();
        var evaluation = new EvaluationOptions();
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (a tree per config), mermaid (paste into Markdown) or dot (pipe to `dot -Tsvg`)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "mermaid", "dot");
        var command = new Command("graph", "Show which config needs which: each config with its file:line, and where each parameter comes from (a config, an input or its default)") { folder, format };
        foreach (var option in evaluation.All())
        {
            command.Options.Add(option);
        }
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, setup);
            return context.Guard(() =>
            {
                using var engine = new ConfigEngine(evaluation.Build(context));
                using var workspace = engine.OpenWorkspace(context.Get(folder)!);
                var check = workspace.Check(evaluation.TargetNames(context));
                if (!check.Succeeded)
                {
                    context.Reporter.Errors(check.Errors, []);
                    return CliContext.ExitCodeOf(check.Errors);
                }
                context.Out.Write(GraphRenderer.Render(check.Configs, context.Get(format)!, evaluation.InputTexts(context)));
                context.Out.Flush();
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
