using System.CommandLine;
using System.Text.Json.Nodes;

namespace Breezeblock.Cli;

/// <summary>
/// <c>breezeblock schema DIR</c>: JSON Schema (2020-12) for each config whose function annotates its
/// return, from that annotation (no config code runs): for editors of the JSON output, other
/// languages, and validating options. One object of schemas by config name on stdout (one target:
/// its schema alone), or one <c>NAME.schema.json</c> per config with <c>--output-dir</c>.
/// </summary>
internal static class SchemaCommand
{
    public static Command Create(CliSetup setup)
    {
        var folder = CommonArguments.Folder();
        var evaluation = new EvaluationOptions();
        var outputDir = new Option<string?>("--output-dir") { Description = "Write one NAME.schema.json per config into this folder instead of stdout", HelpName = "DIR" };
        var command = new Command("schema", "Write JSON Schema (2020-12) for each config from its return annotation, without running any config") { folder };
        foreach (var option in evaluation.All())
        {
            command.Options.Add(option);
        }
        command.Options.Add(outputDir);
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, setup);
            return context.Guard(() =>
            {
                using var engine = new ConfigEngine(evaluation.Build(context));
                using var workspace = engine.OpenWorkspace(context.Get(folder)!);
                var targets = evaluation.TargetNames(context);
                var check = workspace.Check(targets, schemas: true);
                context.Reporter.Warnings(check.Warnings);
                if (!check.Succeeded)
                {
                    context.Reporter.Errors(check.Errors, []);
                    return CliContext.ExitCodeOf(check.Errors);
                }
                var named = targets ?? check.Configs.Select(c => c.Name).ToList();
                var without = named.Where(n => !check.Schemas.ContainsKey(n)).ToList();
                if (without.Count > 0)
                {
                    context.Reporter.Info(CliMessages.NoSchema(without));
                }
                if (context.Get(outputDir) is { } directory)
                {
                    Directory.CreateDirectory(directory);
                    var written = named.Where(check.Schemas.ContainsKey).Count(n => AtomicFile.Write(Path.Combine(directory, n + ".schema.json"), check.Schemas[n] + "\n"));
                    context.Reporter.Info(CliMessages.SchemasWritten(written, named.Count(check.Schemas.ContainsKey), directory));
                    return ExitCodes.Success;
                }
                if (targets is [var only] && check.Schemas.TryGetValue(only, out var single))
                {
                    context.Out.WriteLine(single);
                }
                else
                {
                    var all = new JsonObject();
                    foreach (var name in named.Where(check.Schemas.ContainsKey))
                    {
                        all[name] = JsonNode.Parse(check.Schemas[name]);
                    }
                    context.Out.WriteLine(all.ToJsonString(CliJson.Indented));
                }
                context.Out.Flush();
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
