using System.CommandLine;

namespace Breezeblock.Cli;

/// <summary>
/// <c>breezeblock check DIR</c>: load the modules and build the graph without running any configure
/// function, and report every problem. Fast enough for a pre-commit hook.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliSetup setup)
    {
        var folder = CommonArguments.Folder();
        var evaluation = new EvaluationOptions();
        var list = new Option<bool>("--list-checks") { Description = "Also write each check to stdout: its name, file:line, the types it covers (each=) and what its parameters receive" };
        var command = new Command("check", "Check a folder of configs without running them: syntax and import errors, missing dependencies (of configs and checks), duplicates, cycles, unusable signatures; every problem is reported") { folder };
        foreach (var option in evaluation.All(targets: false))
        {
            command.Options.Add(option);
        }
        command.Options.Add(list);
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, setup);
            return context.Guard(() =>
            {
                using var engine = new ConfigEngine(evaluation.Build(context));
                using var workspace = engine.OpenWorkspace(context.Get(folder)!);
                var check = workspace.Check();
                context.Reporter.Warnings(check.Warnings);
                if (context.Get(list))
                {
                    foreach (var listed in check.Checks)
                    {
                        context.Out.WriteLine(CliMessages.CheckListed(listed));
                    }
                    context.Out.Flush();
                }
                if (!check.Succeeded)
                {
                    context.Reporter.Errors(check.Errors, []);
                    context.Reporter.Info(CliMessages.CheckFailed(check.Errors.Count));
                    return CliContext.ExitCodeOf(check.Errors);
                }
                context.Reporter.Info(CliMessages.CheckPassed(check.Configs.Count, check.Checks.Count, Timings.Milliseconds(check.Duration)));
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
