using System.CommandLine;

namespace Breezeblock.Cli;

/// <summary>
/// <c>breezeblock init [DIR]</c>: a starter folder (configs, <c>typings/</c> from the stubs, and a
/// <c>pyrightconfig.json</c> that points editors at them). It never overwrites: if any file it would
/// write exists, it writes nothing.
/// </summary>
internal static class InitCommand
{
    public static Command Create(CliSetup setup)
    {
        var folder = new Argument<string>("DIR") { Description = "Where to create the starter folder (default: the current folder)", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var hosts = new EvaluationOptions().Hosts;
        var command = new Command("init", "Create a starter folder: two configs, typings/ with the stubs for editors and type checkers, and a pyrightconfig.json that uses them") { folder, hosts };
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, setup);
            return context.Guard(() =>
            {
                var root = context.Get(folder)!;
                var options = new ConfigOptions();
                options.Python.Path = context.PythonPath;
                HostAssemblies.Configure(context.Get(hosts) ?? [], options);
                using var engine = new ConfigEngine(options);

                var staging = Directory.CreateTempSubdirectory("breezeblock-init-");
                try
                {
                    var files = StarterFiles.Files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
                    foreach (var stub in engine.WriteStubs(Path.Combine(staging.FullName, StarterFiles.StubFolder)))
                    {
                        files[Path.GetRelativePath(staging.FullName, stub).Replace('\\', '/')] = File.ReadAllText(stub);
                    }
                    var existing = files.Keys.Where(path => File.Exists(Path.Combine(root, path)) || Directory.Exists(Path.Combine(root, path))).ToList();
                    if (existing.Count > 0)
                    {
                        throw new CommandException(CliMessages.InitWouldOverwrite(root, existing));
                    }
                    foreach (var (path, text) in files)
                    {
                        AtomicFile.Write(Path.Combine(root, path), text);
                        context.Reporter.Info(CliMessages.Created(Path.Combine(root, path)));
                    }
                }
                finally
                {
                    staging.Delete(recursive: true);
                }
                context.Reporter.Info(CliMessages.InitNext(Path.Combine(root, StarterFiles.ConfigFolder)));
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
