using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Breezeblock.Cli;

/// <summary>The <c>breezeblock</c> command.</summary>
public static class Program
{
    public static int Main(string[] args) =>
        Run(args, new CliStreams(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected, CancellationToken.None));

    /// <summary>Runs the command line with the given output streams (tests use it in-process).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, new CliStreams(stdout, stderr, false, false, CancellationToken.None));

    internal static int Run(string[] args, CliStreams streams)
    {
        var setup = new CliSetup(new GlobalOptions(), streams);
        var root = new RootCommand("Breezeblock: configuration for .NET applications, written in Python")
        {
            EvalCommand.Create(setup),
            CheckCommand.Create(setup),
            GraphCommand.Create(setup),
            ExplainCommand.Create(setup),
            PlanCommand.Create(setup),
            WatchCommand.Create(setup),
            DoctorCommand.Create(setup),
            InitCommand.Create(setup),
            StubsCommand.Create(setup),
        };
        foreach (var option in setup.Globals.All)
        {
            root.Options.Add(option);
        }
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamples((SynchronousCommandLineAction)help.Action!);

        var parsed = root.Parse(args, new ParserConfiguration());
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpWithExamples)
        {
            var context = CliContext.From(parsed, setup);
            foreach (var error in parsed.Errors)
            {
                context.Reporter.Failure("UsageError", error.Message);
            }
            context.Reporter.Info(CliMessages.UsageHint);
            return ExitCodes.UsageError;
        }
        return parsed.Invoke(new InvocationConfiguration
        {
            Output = streams.Out,
            Error = streams.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        });
    }

    // The framework's help, then the command's examples.
    private sealed class HelpWithExamples(SynchronousCommandLineAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exit = help.Invoke(parseResult);
            var command = parseResult.CommandResult.Command;
            var output = parseResult.InvocationConfiguration.Output;
            if (CliMessages.Examples.TryGetValue(command is RootCommand ? "breezeblock" : command.Name, out var examples))
            {
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine($"  {example}");
                }
                output.WriteLine();
            }
            return exit;
        }
    }
}
