using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The worker role of a program, for <see cref="ConfigIsolation.Process"/>. A host that isolates its
/// configs starts its own program again as the worker, with <see cref="EnvironmentVariable"/> set; its
/// <c>Main</c> hands over first thing, registering the same host modules it uses itself:
/// <code>
/// if (ConfigWorker.IsRequested)
/// {
///     return ConfigWorker.Run(options => new MyConfigHost().Configure(options));
/// }
/// </code>
/// The worker evaluates what its host asks, one request at a time, keeping a workspace per folder
/// between requests; host functions called by config code run in the host, over the channel.
/// </summary>
public static class ConfigWorker
{
    /// <summary>Set to 1 in a worker's environment.</summary>
    public const string EnvironmentVariable = "BREEZEBLOCK_WORKER";

    /// <summary>Set in a worker's environment: the hash seed Python starts with, or <see cref="RandomHashSeed"/>.</summary>
    internal const string HashSeedVariable = "BREEZEBLOCK_HASH_SEED";

    internal const string RandomHashSeed = "random";

    /// <summary>True in a process started as a worker.</summary>
    public static bool IsRequested => Environment.GetEnvironmentVariable(EnvironmentVariable) == "1";

    /// <summary>Serves the host that started this process until it closes the channel; returns the exit code.</summary>
    /// <param name="configure">Registers the host modules (and Python options) as the host does.</param>
    public static int Run(Action<ConfigOptions>? configure = null)
    {
        WorkerLimits.ApplyMemoryFromEnvironment();
        var (input, output) = WorkerStreams.TakeChannel();
        var channel = new WorkerChannel(input, output);
        var options = new ConfigOptions();
        configure?.Invoke(options);
        options.Isolation = ConfigIsolation.InProcess;
        options.RedirectPrintToStandardError = true;
        var seedText = Environment.GetEnvironmentVariable(HashSeedVariable);
        if (uint.TryParse(seedText, out var seed))
        {
            options.Python.HashSeed = seed;
        }
        options.FixedHashSeed = seedText != RandomHashSeed;
        ConfigEngine engine;
        try
        {
            engine = new ConfigEngine(options);
        }
        catch (Exception e) when (e is PythonNotFoundException or PythonStartException)
        {
            channel.Send(WorkerMessages.Failed(e.Message));
            return 2;
        }
        using (engine)
        {
            return new WorkerLoop(engine, options, channel).Run();
        }
    }
}
