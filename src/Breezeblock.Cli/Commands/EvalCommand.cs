using System.CommandLine;

namespace Breezeblock.Cli;

/// <summary><c>breezeblock eval DIR</c>: evaluate every config (or the targets) and write the results.</summary>
internal static class EvalCommand
{
    public static Command Create(CliSetup setup)
    {
        var folder = CommonArguments.Folder();
        var evaluation = new EvaluationOptions();
        var output = new OutputOptions();
        var timings = new Option<bool>("--timings") { Description = "After the result, write how long each config took to stderr, slowest first" };
        var command = new Command("eval", "Evaluate a folder of configs and write the results as one JSON (or YAML) object, or one file per config") { folder };
        foreach (var option in evaluation.All())
        {
            command.Options.Add(option);
        }
        output.AddTo(command);
        command.Options.Add(timings);
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, setup);
            return context.Guard(() =>
            {
                var options = evaluation.Build(context);
                using var engine = new ConfigEngine(options);
                using var result = engine.Evaluate(context.Get(folder)!, evaluation.TargetNames(context));
                context.Reporter.Warnings(result.Warnings);
                var target = output.Create(context, evaluation.TargetNames(context));
                var (written, removed) = target.Write(result, context.Out);
                if (target.Describe(written, removed, result.Names.Count) is { } note)
                {
                    context.Reporter.Info(note);
                }
                if (context.Get(timings))
                {
                    context.Reporter.Always(Timings.Render(result));
                }
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
