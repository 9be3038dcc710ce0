namespace Breezeblock;

/// <summary>
/// Every text the engine shows people: error headlines, hints and notes, and the messages Python
/// raises when a frozen value is changed. Tests build their expected texts from here. Inputs are named
/// neutrally ("an input named 'x'"); a host that has its own way of giving inputs phrases them through
/// <see cref="ConfigOptions.InputSyntax"/> (the CLI: <c>--set x=VALUE</c>).
/// </summary>
internal static partial class Messages
{
    // ---- the folder and its modules ----

    public static string FolderMissing(string path, bool isFile) =>
        $"config folder {path} {(isFile ? "is a file, not a folder" : "does not exist")}";

    public static string FolderUnreadable(string path, string reason) => $"config folder {path} cannot be read: {reason}";

    public static string NoPythonFiles(string path) => $"config folder {path} has no .py files, so there is nothing to evaluate";

    public const string NoPythonFilesHint = "add .py files whose functions are marked @configure";

    public static string NoConfigureFunctions(string path, int files) =>
        $"no function in config folder {path} is marked @configure ({files} .py {(files == 1 ? "file" : "files")} loaded), so there is nothing to evaluate";

    public const string NoConfigureFunctionsHint = "mark each function whose result is a config with @configure (from breezeblock import configure)";

    public static string FileUnreadable(string relativePath, string reason) => $"{relativePath} cannot be read: {reason}";

    public static string FileTooLarge(string relativePath, long bytes, long limit) =>
        $"{relativePath} is {bytes / (1024.0 * 1024):0.#} MB, more than a config file may be ({limit / (1024 * 1024)} MB)";

    public const string FileTooLargeHint = "keep data out of config code: read it from a file in the folder (open() works) or pass it as an input";

    /// <summary>Python's str.format template for the note that ends config code's output once it printed too much.</summary>
    public const string OutputTruncatedTemplate = "[breezeblock: config code printed more than {limit:,} characters in this evaluation; the rest of its output is left out]";

    public const string NulByte = "the file contains a NUL byte, so it is not text (a binary file saved as .py?)";

    /// <summary>Python's str.format template for a file whose bytes are not UTF-8 (and that declares no other encoding).</summary>
    public const string NotUtf8Template = "the file is not UTF-8: byte 0x{byte:02x} cannot be decoded; save it as UTF-8, or declare its encoding on its first line (# -*- coding: latin-1 -*-)";

    public static string ModuleNameTaken(string name, string location) =>
        $"module '{name}' has the name of a module that is already installed ({location})";

    public static string ModuleNameTakenHint(string relativePath) => $"rename {relativePath}: a config module cannot replace an installed one";

    public static string WhileImporting(string relativePath) => $"while importing {relativePath}";

    public static string WhileRunning(string config, SourceLocation location) => $"while running config '{config}' ({location})";

    /// <summary>One frame of a traceback under an error: <c>util.py:3 in check_port: raise ValueError(...)</c>.</summary>
    public static string TracebackFrame(ErrorFrame frame) =>
        $"{frame.Location.DisplayPath}:{frame.Location.Line} in {frame.Function}{(frame.SourceLine is null ? "" : ": " + frame.SourceLine)}";

    /// <summary>Stands for identical frames left out, in Python's own words.</summary>
    public static string FrameRepeated(int times) => $"[previous line repeated {times} more time{(times == 1 ? "" : "s")}]";

    public static string RecursionHint(int cap) =>
        $"a function calls itself (or nested data goes) deeper than the recursion limit; sys.setrecursionlimit can raise it up to {cap}, what the evaluation thread's stack holds";

    public const string ForgotImportHint = "add `from breezeblock import configure` at the top of the file";

    public const string BreezeblockImportHint = "breezeblock is provided by the host; import it as `from breezeblock import configure`";

    public static string PythonError(string type, string message) => message.Length == 0 ? type : $"{type}: {message}";

    // ---- watching a folder for changes ----

    public static string CannotWatch(string folder, string reason) => $"cannot watch {folder} for changes: {reason}";

    public const string InotifyInstancesExhausted =
        "this user has every inotify instance the system allows in use (raise fs.inotify.max_user_instances, or close other watchers)";

    public const string InotifyWatchesExhausted =
        "the folder has more directories than the system lets one user watch (raise fs.inotify.max_user_watches)";

    // ---- deadlines ----

    public static string Duration(TimeSpan limit) =>
        limit.TotalSeconds >= 1
            ? limit.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s"
            : limit.TotalMilliseconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " ms";

    /// <summary>The headline of a stopped evaluation; <paramref name="context"/> is where (<see cref="WhileImporting"/>), when no config ran.</summary>
    public static string StoppedAtDeadline(string? config, string? context, TimeSpan limit) =>
        config is not null ? $"config '{config}' did not finish within the time limit ({Duration(limit)}) and was stopped here"
        : context is not null ? $"the evaluation did not finish within the time limit ({Duration(limit)}) and was stopped here, {context}"
        : $"the evaluation did not finish within the time limit ({Duration(limit)})";

    /// <summary>The headline of an evaluation whose deadline passed between two pieces of user code; <paramref name="before"/> says what was next.</summary>
    public static string StoppedBetween(string? before, TimeSpan limit) =>
        $"the evaluation did not finish within the time limit ({Duration(limit)}){(before is null ? "" : $"; it was stopped {before}")}";

    public static string BeforeImporting(string relativePath) => $"before importing {relativePath}";

    public static string BeforeRunning(string config, SourceLocation location) => $"before running config '{config}' ({location})";

    public const string TimeoutHint = "make the code finish sooner, or allow the evaluation more time";

    public static string Unstoppable(string? config, TimeSpan? limit, UnstoppableReason why) =>
        $"{(config is null ? "the evaluation" : $"config '{config}'")} " +
        (limit is { } time ? $"did not finish within the time limit ({Duration(time)})" : "was cancelled") +
        " and could not be stopped: " + why switch
        {
            UnstoppableReason.CatchesInterruption => "it catches the interruption and goes on (an `except BaseException:` that does not re-raise)",
            UnstoppableReason.HoldsInterpreter => "it runs in a call that holds the interpreter, so no Python code in this process runs until it returns",
            _ => "it is blocked in a call that does not return to Python",
        };

    // For the trimming and NativeAOT annotations ([RequiresUnreferencedCode], [RequiresDynamicCode]): what needs the JIT, and why.
    public const string HostTypesNeedReflection =
        "Host types and functions are bridged to Python by reflection over types known only at run time (their properties, constructors, " +
        "validation attributes and delegates); trimming and NativeAOT cannot keep what that needs.";

    public static string BindingMissingParameter(string type, string parameter) => $"has no key for {type}'s constructor parameter '{parameter}', which may not be null";

    public static string BindingMissingRequired(string type, string property) => $"has no key for the required property {type}.{property}";

    public const string BindingNeedsReflection =
        "Binding results to a .NET type reads its members and builds its collections by reflection at run time; trimming and NativeAOT " +
        "cannot keep what that needs. Read results as JSON (ToJson) or plain values (Get) instead.";

    /// <summary>What to do about code that cannot be stopped; <paramref name="isolationSyntax"/> is how the host's users ask for isolation (<see cref="ConfigOptions.IsolationSyntax"/>).</summary>
    public static string UnstoppableHint(string? isolationSyntax) => isolationSyntax is null
        ? "this workspace was given up (its thread may still be running); evaluate in a new one, or isolate evaluations so that such code can be killed"
        : $"run it with {isolationSyntax}, so that code that cannot be stopped runs in a process that can be ended";

    public const string UnstoppableIsolatedHint = "the config process was ended; the next evaluation starts a new one";

    public static string WorkspaceAbandoned(string reason) => $"this workspace cannot evaluate again: {reason}";

    public static string ThreadLeftRunning(string name) =>
        $"config code left a thread running ('{name}'): it goes on in the host process after the evaluation";

    public const string ThreadLeftRunningHint = "join the threads a config starts before it returns (or use concurrent.futures in a with block)";

    // ---- the isolated worker ----

    public static string WorkerDied(string how, string? config) =>
        $"the config process {how}{(config is null ? " while loading the folder" : $" while running config '{config}'")}";

    public static string WorkerSignalled(string signal) => $"died with {signal}";

    public static string WorkerFault(string fault) => $"crashed ({fault.ToLowerInvariant()})";

    public static string WorkerExited(int? code) => code is null ? "stopped answering" : $"exited with code {code}";

    public static string WorkerOutOfMemory(long limit) => $"used more than {limit / (1024 * 1024)} MB of memory and was ended";

    public static string WorkerPastDeadline(TimeSpan limit) => $"did not finish within the time limit ({Duration(limit)}), could not be stopped, and was ended";

    public const string WorkerDiedHint = "the host is unharmed and the next evaluation starts a new config process; look for a crash in a C extension, os._exit, or a process-wide signal at that line";

    public const string WorkerMemoryHint = "find what grows without bound there, or raise the worker's memory limit";

    public static string WorkerDidNotStart(string command, string output) =>
        $"the config process ({command}) did not start{(output.Length == 0 ? "" : ":\n" + output)}";

    public const string NoBubblewrap = "a hermetic isolated evaluation runs its worker under bubblewrap, which is not installed (apt-get install bubblewrap)";

    public const string HostGone = "the host that started this config process has gone";

    public static string NoSuchHostFunction(string module, string function) => $"the host has no function {module}.{function}";

    // ---- hermetic evaluation (Python str.format templates) ----

    public const string HermeticReadTemplate = "{what} reads {path}, outside the config folder: a hermetic evaluation reads only its folder and the standard library";

    public const string HermeticWriteTemplate = "{what} writes {path}: a hermetic evaluation writes nothing";

    public const string HermeticNetworkTemplate = "{what} uses the network: a hermetic evaluation has none";

    public const string HermeticProcessTemplate = "{what} starts a process: a hermetic evaluation starts none";

    public const string HermeticEnvironmentTemplate = "reading the environment ({name}): a hermetic evaluation sees no environment variables; pass the value as an input";

    public const string HermeticHint = "hermetic evaluations give the same output for the same folder and inputs: take what varies as an input";

    public const string HermeticNeedsHashSeed =
        "a hermetic evaluation needs Python started with a fixed hash seed, and Python already runs in this process with a random one; make the first engine of the process hermetic, or isolate evaluations";

    public const string RandomHashSeed =
        "Python already runs in this process with a random hash seed, so the order of sets (and what is computed from it) may differ from run to run";

    public const string RandomHashSeedHint =
        "start the process's first engine with a fixed hash seed (ConfigOptions.FixedHashSeed, the default), or sort what comes from a set before returning it";

    // ---- what config code may not do to the host process ({call} is the call, as written) ----

    public const string ExitBlockedTemplate = "{call} would end the host process; raise an exception to make the config fail instead";

    public const string SignalBlockedTemplate = "{call} would arm or send a signal, and the host process owns its signals";

    public const string KillBlockedTemplate = "{call} would signal the host process itself";

    public const string ExecBlockedTemplate = "{call} would replace the host process; run a program with subprocess instead";

    public const string ForkBlockedTemplate = "{call} would copy the host process with all its threads; run a program with subprocess instead";

    // ---- registration and the graph ----

    /// <summary>Python's str.format template for a config whose signature cannot be read.</summary>
    public const string SignatureUnreadableTemplate = "the signature of config '{config}' cannot be read: {problem}";

    /// <summary>Python's str.format template for <c>@configure</c> on a class.</summary>
    public const string ConfigIsAClassTemplate =
        "config '{config}' is a class, and @configure marks the functions whose results are configs: decorate a function that returns {name}(...)";

    /// <summary>Python's str.format template for <c>@configure</c> on an <c>async def</c>.</summary>
    public const string ConfigIsACoroutineTemplate =
        "config '{config}' is an async function, whose call gives a coroutine, not a value: make it a plain def (configs are called in order, one at a time)";

    /// <summary>Python's str.format template for <c>@configure</c> on a function that yields.</summary>
    public const string ConfigIsAGeneratorTemplate =
        "config '{config}' is a generator function (it yields), whose call gives a generator, not a value: return the value instead (a list of what it yields, say)";

    public static string DefinedTwice(string config, SourceLocation first, SourceLocation second, bool isCheck = false) =>
        $"{Subject(config, isCheck)} is defined twice: {first} and {second}";

    public const string DefinedTwiceHint = "rename one of the functions, or give one another name with @configure(name=\"...\")";

    public static string Variadic(string config, string star, string parameter, bool isCheck = false) =>
        $"{Subject(config, isCheck)} takes {star}{parameter}, but a {(isCheck ? "check" : "configure function")} must name each config or input it needs as a parameter";

    public static string VariadicHint(string star, string parameter) => $"replace {star}{parameter} with one parameter per dependency";

    public static string MissingDependency(string config, string parameter, bool isCheck = false) =>
        $"{Subject(config, isCheck)} needs '{parameter}', which is not a config, an input or a parameter default";

    /// <summary>How a function is named at the start of a sentence: <c>config 'web'</c> or <c>check 'enough_replicas'</c>.</summary>
    public static string Subject(string name, bool isCheck) => $"{(isCheck ? "check" : "config")} '{name}'";

    public static string MissingDependencyHint(string parameter, string? inputSyntax) =>
        $"define a config named '{parameter}', {GiveInput(parameter, inputSyntax)}, or give the parameter a default";

    public static string DidYouMeanConfig(string name, SourceLocation location) => $"did you mean '{name}'? (the config at {location})";

    public static string DidYouMeanInput(string name) => $"did you mean '{name}'? (an input)";

    public static string DidYouMeanParameter(string name, string config, SourceLocation location) =>
        $"did you mean '{name}'? (a parameter of config '{config}' at {location})";

    public static string Cycle(IEnumerable<string> path, string start) => $"configs need each other in a cycle: {string.Join(" -> ", path)} -> {start}";

    public const string CycleHint = "a config cannot depend on itself, directly or through others; move the shared part into a config they all need";

    public static string UnknownTarget(string target) => $"target '{target}' is not a config";

    public static string UnavailableOwnConfigs(IReadOnlyList<string> configs) =>
        $"note: because it did not load, the {(configs.Count == 1 ? "config" : "configs")} it defines {(configs.Count == 1 ? "is" : "are")} not available: {string.Join(", ", configs)}";

    public static string UnavailableImporterConfigs(IReadOnlyList<string> configs) =>
        $"note: nor are those of the files that failed with it: {string.Join(", ", configs)}";

    public static string NotCheckedNeedUnavailable(IReadOnlyList<string> configs, bool one) =>
        $"note: {(configs.Count == 1 ? "a config" : $"{configs.Count} configs")} that {(configs.Count == 1 ? "needs" : "need")} {(one ? "it" : "them")} {(configs.Count == 1 ? "was" : "were")} not checked: {string.Join(", ", configs.Take(10))}{(configs.Count > 10 ? $" and {configs.Count - 10} more" : "")}";

    public static string ConfigList(IEnumerable<string> names) => $"the configs are: {string.Join(", ", names)}";

    // ---- inputs ----

    /// <summary>How to give an input, for hints: "give an input named 'x'", or in the host's own words.</summary>
    public static string GiveInput(string name, string? inputSyntax) =>
        inputSyntax is null ? $"give an input named '{name}'" : $"pass an input with {string.Format(System.Globalization.CultureInfo.InvariantCulture, inputSyntax, name)}";

    public static string UnusedInput(string name) => $"input '{name}' is not used: no config and no parameter has that name";

    public static string UnusedInputHint(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "the folder defines no configs",
        <= 20 => $"the configs and parameters are: {string.Join(", ", names)}",
        _ => $"the configs and parameters include: {string.Join(", ", names.Take(20))}, ...",
    };

    public static string InvalidInput(string name, string reason) => $"input '{name}' cannot be given to Python: {reason}";

    // ---- evaluation ----

    public static string Skipped(IReadOnlyCollection<string> names) =>
        $"note: {names.Count} {(names.Count == 1 ? "config was" : "configs were")} not run because a config they need failed: {string.Join(", ", names)}";

    public const string NestedEvaluation =
        "Evaluate was called from inside an evaluation (a configure function or host callback); evaluations cannot nest";

    public const string WorkspaceDisposed = "the workspace has been disposed";

    /// <summary>Python's str.format template for what a frozen value belongs to: a config's result.</summary>
    public const string ResultOwnerTemplate = "the result of config '{config}', which has already returned, and results are frozen";

    /// <summary>What a frozen value belongs to: a config's result.</summary>
    public static string ResultOwner(string config) => ResultOwnerTemplate.Replace("{config}", config, StringComparison.Ordinal);

    /// <summary>What a frozen value belongs to: an input.</summary>
    public static string InputOwner(string name) => $"input '{name}', and inputs are frozen";

    /// <summary>Python's str.format template for a parameter default's owner.</summary>
    public const string DefaultOwnerTemplate = "the default of parameter '{parameter}' of config '{config}', and defaults are frozen";

    /// <summary>The owner when it is not known.</summary>
    public const string UnknownOwner = "the result of a config that has already returned, and results are frozen";

    /// <summary>Python's str.format template of the error raised on changing a frozen value.</summary>
    public const string FrozenTemplate = "cannot change this {what}: it belongs to {owner}";

    public static string Frozen(string what, string owner) => FrozenTemplate.Replace("{what}", what, StringComparison.Ordinal).Replace("{owner}", owner, StringComparison.Ordinal);

    public static bool IsFrozen(string pythonMessage) =>
        pythonMessage.StartsWith("cannot change this ", StringComparison.Ordinal) && pythonMessage.EndsWith(" are frozen", StringComparison.Ordinal);

    public static string ReturnedNone(IReadOnlyList<(string Config, SourceLocation Location)> configs) => configs.Count == 1
        ? $"config '{configs[0].Config}' ({configs[0].Location}) returned None: did it forget to return its value?"
        : $"configs {string.Join(" and ", configs.Select(c => $"'{c.Config}' ({c.Location})"))} returned None: did they forget to return their values?";

    public const string FrozenHint = "configs receive results, inputs and defaults read-only; change a copy: dict(value), list(value) or copy.deepcopy(value)";

    /// <summary>Python's str.format template for a result nested too deep to freeze.</summary>
    public const string TooDeepTemplate = "the result is nested more than {depth} levels deep";

    // ---- results ----

    public static string NotAFunction(string config, string type, string actual) => $"config '{config}' cannot become {type}: it is {actual}, not a function";

    public static string CannotBecome(string config, string type, string problem) => $"config '{config}' cannot become {type}: {problem}";

    public static string Unrepresentable(string config, string path, string what) =>
        $"config '{config}' returned a value the output cannot represent: {path} is {Article(what)}";

    public static string LoneSurrogate(char surrogate, int index) =>
        $"a string with a lone surrogate (\\u{(int)surrogate:x4} at index {index}), which JSON and YAML text cannot hold";

    public static string ContainsItself(string container) => $"{container} again: the value contains itself";

    public const string NestedTooDeepToConvert = "nested too deep to convert (over 1,000 levels)";

    public const string UnrepresentableHint = "return plain data: dict, list, tuple, str, int, float, bool, None, dataclasses, enums, dates or host objects";

    public static string NotEvaluated(string name, string? suggestion) =>
        $"no config '{name}' was evaluated{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}";

    public static string DataOnly(string config, string type) =>
        $"config '{config}' cannot become {type}: this result was rebuilt from a snapshot and holds data, not Python objects";

    public const string NestedTooDeep = "nested more than 500 levels deep";

    public const string BytesValue = "bytes";

    public const string FunctionValue = "function";

    public static string NotJsonFloat(string text) => $"float {text} (not a number JSON can hold)";

    public static string BadKey(string type) => $"a dict key of type {type} (keys must be str, int, float or bool)";

    public static string DotnetValue(string type) => $"a .NET {type}";

    public static string PythonObject(string type) => type switch
    {
        "function" or "builtin_function_or_method" or "method" => FunctionValue,
        "module" => "module",
        "type" => "class",
        _ => $"{type} object",
    };

    private static string Article(string what) =>
        what.StartsWith("a ", StringComparison.Ordinal) || what.StartsWith("an ", StringComparison.Ordinal) || what.StartsWith("float", StringComparison.Ordinal) || what.StartsWith("nested", StringComparison.Ordinal) || what.StartsWith('$')
            ? what
            : ("aeiou".Contains(what[0], StringComparison.Ordinal) ? "an " : "a ") + what;

    // ---- snapshots ----

    public static string BadSnapshot(string what, string problem) => $"this is not a Breezeblock {what} snapshot: {problem}";
}

/// <summary>Why code told to stop did not.</summary>
internal enum UnstoppableReason
{
    /// <summary>In a C call that released the interpreter and does not return (<c>time.sleep</c>, a socket).</summary>
    Blocked,

    /// <summary>It catches the interruption and goes on.</summary>
    CatchesInterruption,

    /// <summary>In a C call that keeps the interpreter (a huge computation): nothing else can run.</summary>
    HoldsInterpreter,
}
