using System.CommandLine;
using System.Text.Json.Nodes;

namespace Breezeblock.Cli;

/// <summary>
/// <c>breezeblock plan DIR --against PREVIOUS.json</c> (or <c>--against-dir DIR</c>): evaluate and show
/// what changed, key path by key path. Exit 0 when nothing did, 3 when something did.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliSetup setup)
    {
        var folder = CommonArguments.Folder();
        var evaluation = new EvaluationOptions();
        var against = new Option<string?>("--against") { Description = "An earlier `eval` output (JSON or YAML) to compare with", HelpName = "PREVIOUS.json" };
        var againstDir = new Option<string?>("--against-dir") { Description = "An earlier `eval --output-dir` folder (JSON or YAML files) to compare with", HelpName = "DIR" };
        var command = new Command("plan", "Evaluate and show what changed against an earlier output, like `terraform plan`; exit 0 when nothing changed, 3 when something did") { folder, against, againstDir };
        foreach (var option in evaluation.All())
        {
            command.Options.Add(option);
        }
        command.Validators.Add(result =>
        {
            if ((result.GetValue(against) is null) == (result.GetValue(againstDir) is null))
            {
                result.AddError(CliMessages.AgainstOrAgainstDir);
            }
        });
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, setup);
            return context.Guard(() =>
            {
                var file = context.Get(against);
                var previous = file is not null ? PreviousOutput.FromFile(file) : PreviousOutput.FromDirectory(context.Get(againstDir)!);
                using var engine = new ConfigEngine(evaluation.Build(context));
                var targets = evaluation.TargetNames(context);
                using var result = engine.Evaluate(context.Get(folder)!, targets);
                context.Reporter.Warnings(result.Warnings);
                if (targets is not null)
                {
                    previous = Only(previous, result.Names);
                }
                // secrets as eval writes them, markers with the same keyed hash: equal markers, equal values
                var current = JsonNode.Parse(result.ToJson(indented: false, SecretMasking.Any ? SecretKey.Output() : SecretOutput.Redacted))!.AsObject();
                var changes = JsonDiff.Compare(previous, current);
                context.Out.Write(SecretMasking.Redact(PlanText.Render(changes, file ?? context.Get(againstDir)!, context.OutStyle)));
                context.Out.Flush();
                return changes.Count == 0 ? ExitCodes.Success : ExitCodes.Changed;
            });
        });
        return command;
    }

    // With --target, configs that were not evaluated are not compared.
    private static JsonObject Only(JsonObject previous, IReadOnlyList<string> names)
    {
        var kept = new JsonObject();
        foreach (var name in names)
        {
            if (previous.TryGetPropertyValue(name, out var value))
            {
                kept[name] = value?.DeepClone();
            }
        }
        return kept;
    }
}
