using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;

namespace Breezeblock.Cli;

/// <summary>The <c>breezeblock</c> command.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (WorkerRole.IsRequested(args))
        {
            return WorkerRole.Run(args); // before anything touches stdin and stdout: they are the channel
        }
#if NATIVE
        if (JitHandoff.Wanted(args))
        {
            Console.Error.WriteLine($"error: {JitHandoff.Exec(args)}"); // returns only when the JIT build could not be started
            return ExitCodes.UsageError;
        }
#endif
        var outIsTerminal = !Console.IsOutputRedirected;
        var stdout = StandardOutput.Reserve();
        using var stop = new CancellationTokenSource();
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => Stopped(signal, stop));
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => Stopped(signal, stop));
        try
        {
            return Run(args, new CliStreams(stdout, Console.Error, outIsTerminal, !Console.IsErrorRedirected, stop.Token));
        }
        finally
        {
            stdout.Flush();
        }
    }

    // A command that runs until stopped (watch) ends quietly and well; any other says why it ends.
    private static void Stopped(PosixSignalContext signal, CancellationTokenSource stop)
    {
        if (LongRunning)
        {
            signal.Cancel = true;
            stop.Cancel();
            return;
        }
        Console.Error.WriteLine($"error: {CliMessages.StoppedBySignal(signal.Signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT")}");
    }

    /// <summary>Set by a command that runs until stopped: a signal then stops it instead of the process.</summary>
    internal static volatile bool LongRunning;

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
            TestCommand.Create(setup),
            SchemaCommand.Create(setup),
            GraphCommand.Create(setup),
            ExplainCommand.Create(setup),
            PlanCommand.Create(setup),
            WatchCommand.Create(setup),
            DoctorCommand.Create(setup),
            InitCommand.Create(setup),
            StubsCommand.Create(setup),
            LspCommand.Create(setup),
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
