namespace Breezeblock.Cli;

/// <summary>
/// <c>breezeblock __worker [--host APP.dll]...</c>: the command as the worker process of <c>--isolate</c>
/// (not for people: the command starts it). It registers the same host assemblies as the command that
/// started it, and serves it over its stdin and stdout.
/// </summary>
internal static class WorkerRole
{
    public const string Command = "__worker";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Command;

    public static int Run(string[] args)
    {
        var hosts = new List<string>();
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--host")
            {
                hosts.Add(args[i + 1]);
            }
        }
        return ConfigWorker.Run(options => HostAssemblies.Configure(hosts, options));
    }

    /// <summary>How to start this command as a worker: its own executable, or dotnet and breezeblock.dll.</summary>
    public static List<string> StartCommand(IEnumerable<string> hosts)
    {
        var program = Environment.ProcessPath ?? "dotnet";
        var assembly = Path.Combine(AppContext.BaseDirectory, "breezeblock.dll"); // only used when run through dotnet
        var command = Path.GetFileNameWithoutExtension(program) == "breezeblock"
            ? new List<string> { program }
            : [Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : Path.GetFileNameWithoutExtension(program) == "dotnet" ? program : "dotnet", "exec", assembly];
        command.Add(Command);
        foreach (var host in hosts)
        {
            command.AddRange(["--host", Path.GetFullPath(host)]);
        }
        return command;
    }
}
