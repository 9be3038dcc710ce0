using System.CommandLine;

namespace Breezeblock.Cli;

/// <summary><c>breezeblock stubs [--host PATH.dll]... [--output DIR]</c>: .pyi files for editors and type checkers.</summary>
internal static class StubsCommand
{
    public static Command Create(CliSetup setup)
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "The folder to write the .pyi files to (point your editor's stub path at it)",
            HelpName = "DIR",
            DefaultValueFactory = _ => "typings",
        };
        var hosts = new EvaluationOptions().Hosts;
        var command = new Command("stubs", "Write .pyi stubs for breezeblock and the host modules, so editors autocomplete config code and type checkers check it")
        {
            output, hosts,
        };
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, setup);
            return context.Guard(() =>
            {
                var options = new ConfigOptions();
                options.Python.Path = context.PythonPath;
                HostAssemblies.Configure(context.Get(hosts) ?? [], options);
                using var engine = new ConfigEngine(options);
                foreach (var file in engine.WriteStubs(context.Get(output)!))
                {
                    context.Out.WriteLine(Path.GetRelativePath(Environment.CurrentDirectory, file));
                }
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
