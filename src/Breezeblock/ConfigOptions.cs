using System.Diagnostics.CodeAnalysis;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>How a <see cref="ConfigEngine"/> finds Python and evaluates configs.</summary>
public sealed class ConfigOptions
{
    /// <summary>Which Python to start and how (see <see cref="PythonOptions"/>).</summary>
    public PythonOptions Python { get; } = new();

    /// <summary>
    /// Named values configure functions receive by parameter name, like the CLI's <c>--set</c>. An
    /// input named like a config replaces that config's result, and its function does not run.
    /// Values are converted like <see cref="PyObject.From"/>.
    /// </summary>
    public IDictionary<string, object?> Inputs { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>
    /// Secret inputs: like <see cref="Inputs"/>, but each value reaches Python as a
    /// <c>breezeblock.Secret</c>, so it is never shown or written as it is: output, errors, logs and
    /// debug views show <c>(secret)</c>, and only the application's configuration and bindings get the
    /// value. A name is either an input or a secret.
    /// </summary>
    public IDictionary<string, string> Secrets { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The names of every input, secret ones included.</summary>
    internal ICollection<string> InputNames => Secrets.Count == 0 ? Inputs.Keys : [.. Inputs.Keys, .. Secrets.Keys.Where(k => !Inputs.ContainsKey(k))];

    /// <summary>
    /// Where compiled config modules are cached, keyed by content, so unchanged files are not
    /// compiled again. Default: <c>$XDG_CACHE_HOME/breezeblock</c> (or <c>~/.cache/breezeblock</c>);
    /// null turns the cache off.
    /// </summary>
    public string? BytecodeCacheDirectory { get; set; } = DefaultCacheDirectory();

    /// <summary>Send what user code prints to standard error, keeping standard output for results (the CLI does).</summary>
    public bool RedirectPrintToStandardError { get; set; }

    /// <summary>
    /// Where what config code prints and logs goes while configs load and run: one call per line
    /// printed to <c>sys.stdout</c> or <c>sys.stderr</c> and per record of Python's <c>logging</c>
    /// (the root logger passes every level; the receiver decides what it keeps). Called on the
    /// evaluating thread with the GIL held: hand the output on, do not evaluate from here. Null (the
    /// default): printing goes to the process's output (see <see cref="RedirectPrintToStandardError"/>)
    /// and logging as Python is set up.
    /// </summary>
    public Action<PythonOutput>? Output { get; set; }

    /// <summary>
    /// True: an input that no config and no parameter uses is an error (a typo, most likely). False
    /// (the default): it is a warning on the result, for hosts that pass inputs a folder may not use,
    /// such as the environment's name.
    /// </summary>
    public bool StrictInputs { get; set; }

    /// <summary>
    /// How this host's users give an input, for hints: a format string whose <c>{0}</c> is the input's
    /// name. Null (the default) says "give an input named 'x'"; the CLI sets <c>--set {0}=VALUE</c>.
    /// </summary>
    public string? InputSyntax { get; set; }

    /// <summary>
    /// How this host's users ask for <see cref="ConfigIsolation.Process"/>, for hints about code that
    /// cannot be stopped in process; null (the default) names no syntax. The CLI sets <c>--isolate</c>.
    /// </summary>
    public string? IsolationSyntax { get; set; }

    /// <summary>
    /// How long one evaluation (or check) may take, loading included, counted from the call. Past it,
    /// the Python code running is interrupted and the evaluation fails with a
    /// <see cref="ConfigErrorKind.Timeout"/> error at the line it was running; the workspace stays
    /// usable. Code blocked in a call that does not return to Python (<c>time.sleep</c>, a socket)
    /// cannot be interrupted: after a grace (<see cref="ConfigLimits.StopGrace"/>, a second) the evaluation fails with
    /// <see cref="ConfigErrorKind.Unstoppable"/> and its workspace is given up. Null (the default): no limit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero or negative.</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set
        {
            if (value is { } limit)
            {
                ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero);
            }
            _timeout = value;
        }
    }

    private TimeSpan? _timeout;

    /// <summary>What an evaluation may print, how large a source file may be, and how long stopped code has to stop (see <see cref="ConfigLimits"/>).</summary>
    public ConfigLimits Limits { get; } = new();

    /// <summary>
    /// Also load the folder's test files: <c>test_*.py</c>, <c>*_test.py</c> and every file under a
    /// folder named <c>tests</c>. Their <c>@check</c> functions are tests: they run only when this is
    /// true (as <c>breezeblock test</c> sets it), beside the checks of the config modules, which run in
    /// every evaluation. False (the default): test files are not loaded, not even listed.
    /// </summary>
    public bool IncludeTests { get; set; }

    /// <summary>
    /// Same folder and inputs, same output, and no accidental I/O: Python starts with a fixed hash seed,
    /// and config code may read only its folder and the standard library, and may not write files, use
    /// the network, start processes or read environment variables (inputs are how values come in).
    /// In process this is a tripwire (audit hooks) that fails the evaluation at the line of the attempt;
    /// with <see cref="ConfigIsolation.Process"/> the worker also runs under bubblewrap, which the
    /// operating system enforces (no network, a read-only file system).
    /// </summary>
    public bool Hermetic { get; set; }

    /// <summary>
    /// True (the default): Python starts with a fixed hash seed (0, or <see cref="PythonOptions.HashSeed"/>),
    /// so the order of a set of strings, and everything computed from it, is the same in every run
    /// and every process: outputs and plans do not change by themselves. False: Python's own random
    /// seed per process. Python starts once per process, so the first engine decides; a later one that
    /// asks for a fixed seed and finds Python running with a random one says so in its results' warnings.
    /// </summary>
    public bool FixedHashSeed { get; set; } = true;

    /// <summary>
    /// Where configs run: in this process (the default), or in a worker process that a crash, an exit,
    /// a memory bomb or code that cannot be stopped ends instead of the host (see <see cref="ConfigIsolation"/>
    /// and <see cref="ConfigWorker"/>).
    /// </summary>
    public ConfigIsolation Isolation { get; set; }

    /// <summary>
    /// How to start a worker for <see cref="ConfigIsolation.Process"/>: the program and its arguments.
    /// Null (the default): this program again (its own executable, or <c>dotnet</c> with its entry
    /// assembly), whose <c>Main</c> hands over to <see cref="ConfigWorker.Run"/>.
    /// </summary>
    public IReadOnlyList<string>? WorkerCommand { get; set; }

    /// <summary>
    /// The memory a worker may use. Allocations past it fail (<c>RLIMIT_DATA</c> on Linux and macOS), so
    /// config code gets <c>MemoryError</c> at its line; resident memory past it (shared mappings escape
    /// the first limit) ends the worker and fails the evaluation. Default: 2 GiB.
    /// </summary>
    public long WorkerMemoryLimit { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Called as each configure function starts (the worker tells its host which config runs, should it die).</summary>
    internal Action<string>? ConfigStarting { get; set; }

    internal List<HostModuleBuilder> HostModules { get; } = [];

    /// <summary>Set by <see cref="AddHostModule"/>: the reflection host modules need.</summary>
    internal IHostReflection? HostReflection { get; private set; }

    /// <summary>
    /// Adds a Python module the application provides (<c>from NAME import Config, secret</c>), with
    /// its C# types and functions; see <see cref="HostModuleBuilder"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The name is taken, or a type or function cannot be bridged.</exception>
    [RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
    [RequiresDynamicCode(Messages.HostTypesNeedReflection)]
    public ConfigOptions AddHostModule(string name, Action<HostModuleBuilder> configure)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        var taken = name == BreezeblockModule.Name ? Messages.HostModuleIsBreezeblock
            : HostModules.Any(m => m.Name == name) ? Messages.HostModuleExists
            : StandardLibraryNames.Contains(name.Split('.')[0]) ? Messages.HostModuleIsStandard
            : null;
        if (taken is not null)
        {
            throw new ArgumentException(Messages.HostModuleNameTaken(name, taken), nameof(name));
        }
        var module = new HostModuleBuilder(name);
        configure(module);
        HostModules.Add(module);
        HostReflection = Breezeblock.HostReflection.Instance;
        return this;
    }

    private static string? DefaultCacheDirectory()
    {
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(root))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }
            root = Path.Combine(home, ".cache");
        }
        return Path.Combine(root, "breezeblock", "bytecode");
    }
}
