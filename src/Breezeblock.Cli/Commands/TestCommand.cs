using System.CommandLine;
using System.Diagnostics;

namespace Breezeblock.Cli;

/// <summary>
/// <c>breezeblock test DIR</c>: the folder's checks, and those of its test files (<c>test_*.py</c>,
/// <c>*_test.py</c>, <c>tests/</c>), over every entry of an environment matrix, each entry one
/// evaluation through one workspace; and, once recorded, each config's snapshot. Exit 1 on any failure.
/// </summary>
internal static class TestCommand
{
    public static Command Create(CliSetup setup)
    {
        var folder = CommonArguments.Folder();
        var evaluation = new EvaluationOptions();
        var matrix = new Option<string[]>("--matrix", "-m")
        {
            Description = $"A dimension of the environment matrix: each value is one evaluation's input NAME (values parsed as --set parses them); replaces the dimension of that name in the folder's {TestMatrix.FileName} (repeatable: every combination runs)",
            HelpName = "NAME=V1,V2",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var update = new Option<bool>("--update-snapshots") { Description = $"Record each config's output, per matrix entry, in the folder's {SnapshotStore.FolderName} (one JSON file per config per entry); later runs fail on a difference" };
        var junit = new Option<string?>("--junit") { Description = "Also write the results as JUnit XML to this file, for a CI system to show", HelpName = "FILE" };
        var command = new Command("test", "Run the folder's checks and test files over an environment matrix, and compare each config's output with its snapshot") { folder };
        foreach (var option in evaluation.All(targets: false))
        {
            command.Options.Add(option);
        }
        command.Options.Add(matrix);
        command.Options.Add(update);
        command.Options.Add(junit);
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, setup);
            return context.Guard(() =>
            {
                var started = Stopwatch.GetTimestamp();
                var path = context.Get(folder)!;
                var entries = TestMatrix.Entries(path, context.Get(matrix) ?? []);
                var options = evaluation.Build(context);
                options.IncludeTests = true;
                using var engine = new ConfigEngine(options);
                using var workspace = engine.OpenWorkspace(path);
                var run = new TestRun(workspace, options, new SnapshotStore(path, context.Get(update)));
                run.Enter(entries[0]);
                var check = workspace.Check();
                context.Reporter.Warnings(check.Warnings);
                if (!check.Succeeded)
                {
                    context.Reporter.Errors(check.Errors, []);
                    return CliContext.ExitCodeOf(check.Errors);
                }
                var cases = new List<TestCase>();
                foreach (var entry in entries)
                {
                    var entryCases = run.Run(entry, check.Checks);
                    cases.AddRange(entryCases);
                    context.Out.Write(TestText.Entry(entry, entryCases, context.OutStyle));
                    context.Out.Flush();
                    Report(context.Reporter, entryCases);
                }
                var duration = Stopwatch.GetElapsedTime(started);
                context.Out.WriteLine();
                context.Out.WriteLine(TestText.Summary(cases, entries.Count, Timings.Milliseconds(duration)));
                if (context.Get(junit) is { } file)
                {
                    AtomicFile.Write(file, JUnitReport.Render(cases, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path))), duration));
                }
                return cases.Any(c => c.Status == TestStatus.Failed) ? ExitCodes.ConfigError : ExitCodes.Success;
            });
        });
        return command;
    }

    // For programs (json, github): failures on stderr too, checks' and configs' errors as every command writes them, a snapshot's difference as a failure at its file.
    private static void Report(Reporter reporter, IReadOnlyList<TestCase> cases)
    {
        if (reporter.Format == ErrorFormat.Text)
        {
            return; // people read them under each FAIL on stdout
        }
        foreach (var test in cases.Where(c => c.Status == TestStatus.Failed))
        {
            if (test.Errors.Count > 0)
            {
                reporter.Errors(test.Errors, []);
            }
            else
            {
                reporter.Failure("SnapshotDiffers", test.Message ?? "", test.File, test.Details);
            }
        }
    }
}
