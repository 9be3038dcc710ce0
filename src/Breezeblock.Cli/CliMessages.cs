using System.Reflection;

namespace Breezeblock.Cli;

/// <summary>
/// Every text the command writes of its own: notes, summaries, usage errors and help examples. Errors
/// in the configuration come from the engine, worded there; tests build their expected texts from here.
/// </summary>
internal static class CliMessages
{
    public static string Version { get; } =
        typeof(CliMessages).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    // ---- usage ----

    public const string UsageHint = "  run 'breezeblock --help' for usage";

    public static string SetExpectsNameValue(string option, string argument) => $"{option} expects NAME=VALUE, got '{argument}'";

    public static string SecretExpectsNameValue(string option) => $"{option} expects NAME=VALUE (the value is not repeated here: it may be secret)";

    public static string SecretFileUnreadable(string name, string path, string reason) => $"secret '{name}' cannot be read from {path}: {reason}";

    public static string SecretVariableUnset(string name, string variable) => $"secret '{name}' is to come from the environment variable {variable}, which is not set";

    public static string SecretGivenTwice(string name) => $"'{name}' is given twice (as a secret, and as a secret or an input)";

    /// <summary>What stands for a secret's value where the command line is shown again (explain).</summary>
    public const string SecretShown = "(secret)";

    public static string RevealIntoFiles(string option, string place) =>
        $"--reveal-secrets with {option} would write secrets' values into {place}; add --reveal-secrets-in-files to say that is what you want";

    public static string SecretKeyUnusable(string path, string reason) => $"the key for hashing secrets in output ({path}) cannot be used: {reason}";

    public const string SecretKeyTooShort = "it holds fewer than 16 bytes; delete it and a new one is made";

    /// <summary>A plan's line for a value that is or was secret: neither side is shown.</summary>
    public static string ChangedSecret(string path) => $"~ {path}: changed (secret)";

    public static string TimeoutNotPositive(double seconds) =>
        $"--timeout takes a number of seconds greater than 0, got {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public const string OutputOrOutputDir = "give --output or --output-dir, not both";

    public const string HostNeedsJit =
        "--host loads .NET assemblies, which needs the JIT build that the native breezeblock hands such commands to, and it is not installed beside this one (jit/breezeblock.dll); install the .NET tool (dotnet tool install --global Breezeblock.Cli) or use 'dotnet run --project src/Breezeblock.Cli --'";

    public const string HostNeedsDotnet =
        "--host loads .NET assemblies, which needs the JIT build run by the 'dotnet' host, and no dotnet was found (looked at DOTNET_HOST_PATH, DOTNET_ROOT and PATH); install the .NET runtime or put dotnet on PATH";

    public static string HostDependencyMissing(string host, string assembly, IEnumerable<string> packageRoots) =>
        $"host assembly {host} needs {assembly}, which is neither beside it nor, as its .deps.json lists it, in the NuGet packages ({string.Join(", ", packageRoots)}): " +
        "restore the host's project (dotnet restore), or give the output of dotnet publish";

    public static string HostHandoffFailed(string dotnet, string reason) =>
        $"--host loads .NET assemblies, which needs the JIT build, and starting it with {dotnet} failed: {reason}";

    public const string AgainstOrAgainstDir = "plan needs what to compare with: --against PREVIOUS.json or --against-dir DIR (one of them)";

    public static string StoppedBySignal(string signal) => $"stopped by {signal} before the command finished; nothing was written";

    public static string FileProblem(string reason) => $"cannot go on: {reason}";

    public static string InternalError(Exception e, bool debug) =>
        $"internal error: {e.GetType().Name}: {e.Message}\n" +
        (debug ? e.ToString() : "  this is a bug in breezeblock; please report it with the command you ran (BREEZEBLOCK_DEBUG=1 shows details)");

    // ---- eval ----

    public static string OutputIsAFolder(string path) => $"cannot write {path}: it is a folder; give a file name, or --output-dir to write one file per config into it";

    public static string OutputDirIsAFile(string path) => $"cannot write into {path}: it is a file, and --output-dir needs a folder (or a name that does not exist yet)";

    public static string CannotWrite(string path, string reason) => $"cannot write {path}: {reason}";

    public static string ParentIsAFile(string folder) => $"{folder} is a file, not a folder";

    public const string PermissionDenied = "permission denied";

    public const string FolderDoesNotExist = "its folder does not exist";

    public const string FileDoesNotExist = "it does not exist";

    public static string NotAFileName(string config) => $"config '{config}' cannot be written to --output-dir: its name is not a file name";

    public static string WroteFile(string path, bool written) => written ? $"wrote {path}" : $"{path} is up to date";

    public static string WroteFolder(string folder, int written, int removed, int total) =>
        $"wrote {Count(written, "file")} to {folder} ({total - written} up to date){(removed > 0 ? $", removed {Count(removed, "file")} of configs that are gone" : "")}";

    public static string TimingsHeader(int configs) => $"timings: {Count(configs, "config")} ran, slowest first";

    public static string TimingsTotals(string loading, string configs, string total) => $"  loading {loading}, configs {configs}, total {total}";

    // ---- check ----

    public static string CheckPassed(int configs, int checks, string duration) =>
        $"checked {Count(configs, "config")}{(checks == 0 ? "" : $" and {Count(checks, "check")}")} in {duration}: no problems";

    public static string CheckFailed(int errors) => $"found {Count(errors, "problem")}";

    /// <summary>One check as <c>check --list-checks</c> writes it: <c>has_owner  policy.py:12  each Service; receives: web (config)</c>.</summary>
    public static string CheckListed(CheckProvenance check)
    {
        var parts = new List<string>();
        if (check.Each is { } each)
        {
            parts.Add($"each {string.Join(" | ", each)}");
        }
        if (check.Parameters.Count > 0)
        {
            parts.Add("receives " + string.Join(", ", check.Parameters.Select(p => $"{p.Name} ({p.Source switch { ValueSource.Config => "config", ValueSource.Input => "input", _ => "default" }})")));
        }
        return $"{check.Name}  {check.Location}" + (parts.Count == 0 ? "" : "  " + string.Join("; ", parts));
    }

    // ---- explain at value level ----

    public static string ComputedAt(SourceLocation location, string expression) => $"computed at {location}: {expression}";

    public static string ComputedSomewhereIn(string config, SourceLocation location) =>
        $"computed in {config} ({location}); its source does not say plainly which line gives it";

    public static string NoValueAt(string path) => $"'{path}' is not in the result";

    // ---- schema ----

    public static string NoSchema(IReadOnlyList<string> configs) =>
        $"no schema for {Count(configs.Count, "config")} whose function does not annotate its return: {Listed(configs)}";

    public static string SchemasWritten(int written, int total, string folder) => $"wrote {Count(written, "schema")} to {folder} ({total - written} up to date)";

    // ---- values files ----

    public static string ValuesUnreadable(string path, string reason) => $"cannot read values file {path}: {reason}";

    public static string ValuesNotParsed(string path, int line, string reason) => line > 0 ? $"{path}:{line}: not a values file: {reason}" : $"{path}: not a values file: {reason}";

    public static string ValuesNotAMapping(string path) => $"{path}: a values file must be a mapping of input names to values (environment: prod)";

    /// <summary>Where an input from values files came from, as explain and graph show it.</summary>
    public static string InputFromFiles(IReadOnlyList<string> files) => string.Join(", ", files.Select(f => $"--values {f}"));

    // ---- test ----

    public static string MatrixExpectsNameValues(string argument) =>
        $"--matrix expects NAME=V1,V2,... (values separated by commas, none empty), got '{argument}'";

    public static string MatrixFileInvalid(string path, string reason) => $"{path} is not a test matrix: {reason}";

    public const string MatrixFileShape = "it must be a JSON object of input names, each with a list of values ({\"environment\": [\"dev\", \"prod\"]})";

    public static string MatrixDimensionShape(string name) => $"'{name}' must have a non-empty list of values";

    public static string MatrixInputAlsoSet(string name) => $"'{name}' is both a dimension of the test matrix and given with --set; give it one way";

    /// <summary>The test case of an evaluation that failed before or besides its checks (a config raised).</summary>
    public const string EvaluationCase = "evaluation";

    public const string CheckNotRun = "not run: a config it needs failed";

    public static string TestCaseName(TestKind kind, string name) => kind switch
    {
        TestKind.Check => $"check {name}",
        TestKind.Snapshot => $"snapshot {name}",
        _ => name,
    };

    public static string NoSnapshot(string config) => $"no snapshot of '{config}' yet; breezeblock test --update-snapshots records it";

    public static string SnapshotDiffers(string config, string file) => $"the output of '{config}' differs from its snapshot {file} (breezeblock test --update-snapshots records the new output)";

    public static string SnapshotOfRemovedConfig(string config, string file) =>
        $"snapshot {file} is of config '{config}', which the evaluation no longer gives (breezeblock test --update-snapshots removes it)";

    public const string SnapshotUnreadable = "the snapshot is not JSON: record it again with --update-snapshots";

    public static string SnapshotWritten(string config, string file) => $"recorded the output of '{config}' in {file}";

    public static string TestSummary(int passed, int failed, int skipped, int written, int entries, string duration) =>
        $"{passed} passed, {failed} failed, {skipped} skipped{(written > 0 ? $" ({written} snapshots recorded)" : "")} in {duration}{(entries > 1 ? $" ({entries} matrix entries)" : "")}";

    // ---- graph and explain ----

    public const string ReplacedByInput = "replaced by an input";

    public static string ReplacesConfig(SourceLocation location) => $"replaces the config at {location}";

    public const string ExplainedAbove = "(explained above)";

    public const string GivenByHost = "given by the host";

    public static string InputArgument(string option, string name, string text) => $"{option} {name}={text}";

    public static string NotJson(string reason) => $"<not shown as JSON: {reason}>";

    // ---- plan ----

    public static string PreviousMissing(string path) => $"{path} does not exist; write it first with `breezeblock eval DIR --output {path}` (or --output-dir)";

    public static string PreviousUnreadable(string path, string reason) => $"{path} cannot be read: {reason}";

    public static string PreviousNotJson(string path, long line, string reason) => line > 0 ? $"{path}:{line}: not JSON: {reason}" : $"{path}: not JSON: {reason}";

    public static string PreviousNotAnObject(string path) => $"{path} is not an `eval` output: expected a mapping (JSON object) of configs";

    public static string PreviousNotYaml(string path, long line, string reason) => line > 0 ? $"{path}:{line}: not YAML: {reason}" : $"{path}: not YAML: {reason}";

    public static string YamlHasManyDocuments(int count) => $"it holds {count} YAML documents, and an eval output is one";

    public static string YamlKeyNotScalar(long line) => $"the key at line {line} is not a plain value, which JSON keys must be";

    public static string YamlNodeNotSupported(string kind, long line) => $"line {line} holds a YAML {kind}, which an eval output never has";

    public static string NoChanges(string against) => $"No changes: the configuration evaluates to what {against} holds.";

    public static string PlanSummary(int added, int changed, int removed) =>
        $"Plan: {added} to add, {changed} to change, {removed} to remove.";

    // ---- watch ----

    public static string Watching(string folder) => $"watching {folder} for changes (Ctrl+C to stop)";

    public static string WatchKeptLastGood(string now, bool hadGood) =>
        hadGood ? $"{now} the last good output is kept" : $"{now} no output yet: waiting for a change that evaluates";

    public static string WatchSummary(string now, int configs, IReadOnlyList<string>? changes, IReadOnlyList<string> ran, string duration)
    {
        var what = changes is null ? $"evaluated {Count(configs, "config")}"
            : changes.Count == 0 ? "no change"
            : $"changed {Listed(changes)}";
        var runs = ran.Count == 0 ? "nothing ran" : $"ran {Listed(ran)} ({ran.Count} of {configs})";
        return $"{now} {what}; {runs}; {duration}";
    }

    // ---- doctor ----

    public const string DoctorNoPython = "no usable Python was found (breezeblock needs CPython 3.9 or newer with its shared library, libpython3.X.so)";

    public const string DoctorSearchOrder = "search order (the first usable Python is used):";

    public const string DoctorWorks = "works";

    public const string DoctorVirtualEnvironment = "(a virtual environment)";

    public const string DoctorNoSitePackages = "(none on sys.path)";

    // ---- init ----

    public static string InitWouldOverwrite(string folder, IEnumerable<string> existing) =>
        $"init writes nothing in {folder}: these already exist: {string.Join(", ", existing)}";

    public static string Created(string path) => $"created {path}";

    public static string InitNext(string configs) => $"next: breezeblock eval {configs}";

    // ---- lsp: the language server's words in the editor ----

    public const string LspDescription = "Run the language server (LSP over stdin and stdout) for editors: definitions, references, rename, hovers, diagnostics";

    public const string LspNeedsStdout = "lsp speaks to an editor on stdout: run it as a command, not in-process";

    public static string LanguageServerFailed(string folder, string reason) => folder.Length == 0 ? $"breezeblock: {reason}" : $"breezeblock: {folder}: {reason}";

    public static string LanguageServerRequestFailed(string uri, string reason) => $"breezeblock: a request on {uri} failed: {reason}";

    public static string LanguageServerNoConfigFolder(string folder) =>
        $"breezeblock: no config folder in {folder} (no .py file imports breezeblock); set breezeblock.configFolder to name one";

    public static string LanguageServerFolderUnusable(string folder, string reason) => $"breezeblock cannot evaluate {folder}: {reason}";

    public const string RenameNothing = "only a config's name can be renamed here: its definition, or a parameter that receives it";

    public static string RenameNotIdentifier(string name) => $"'{name}' cannot name a config: it must be a Python identifier that is not a keyword";

    public static string RenameTaken(string name) => $"'{name}' already names a config or an input of this folder";

    public static string HoverConfig(string config, string? parameter, string? function, string? location, string? type)
    {
        var headline = parameter is null || parameter == config ? $"**{config}** · config" : $"**{parameter}** · config `{config}`";
        var where = function is null ? "" : $"\n\n`{function}` at {location}";
        return headline + where + (type is null ? "" : $"\n\ntype: `{type}`") + "\n";
    }

    public static string HoverReplacedByInput(string origin) => $"\n{ReplacedByInput}: {origin}\n";

    public static string HoverUsedBy(IReadOnlyList<string> configs) => configs.Count == 0 ? "\nused by nothing\n" : $"\nused by {Listed(configs)}\n";

    public const string HoverNoValue = "\n*no value yet: the folder has not evaluated without errors*\n";

    public static string HoverWholeValue(int lines, string link) => $"[show the whole value ({lines} lines)]({link})\n";

    public static string HoverInput(string name, string origin, string? type) =>
        $"**{name}** · input\n\nfrom `{origin}`" + (type is null ? "" : $"\n\ntype: `{type}`") + "\n";

    public static string HoverDefault(string name, string value, string? type) =>
        $"**{name}** · default `{value}`: no config or input of this name" + (type is null ? "" : $"\n\ntype: `{type}`") + "\n";

    public static string HoverUnresolved(string name) => $"**{name}** · resolves to nothing: no config or input has this name, and it has no default\n";

    public static string HoverCheck(string name, IReadOnlyList<string> parameters) =>
        $"**{name}** · check" + (parameters.Count == 0 ? "" : $"\n\nreceives {Listed(parameters)}") + "\n";

    public static string CompletionConfig(string function, string location) => $"config · {function} ({location})";

    public static string CompletionInput(string origin) => $"input · {origin}";

    public static string LensUsedBy(int count) => count == 0 ? "used by no config" : $"used by {Count(count, "config")}";

    public static string LensNeeds(IReadOnlyList<string> parameters) => $"needs {Listed(parameters)}";

    public static string QuickFixRename(string name) => $"Change to '{name}'";

    // ---- help examples, one set per command ----

    public static IReadOnlyDictionary<string, string[]> Examples { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["breezeblock"] = ["breezeblock eval configs", "breezeblock check configs", "breezeblock <command> --help"],
        ["eval"] = ["breezeblock eval configs --set environment=prod", "breezeblock eval configs --target web --format yaml", "breezeblock eval configs --output-dir rendered --timings"],
        ["check"] = ["breezeblock check configs", "breezeblock check configs --set environment=prod --error-format github"],
        ["graph"] = ["breezeblock graph configs", "breezeblock graph configs --format dot | dot -Tsvg > graph.svg", "breezeblock graph configs --format mermaid --target web"],
        ["explain"] = ["breezeblock explain configs web --set environment=prod"],
        ["plan"] = ["breezeblock plan configs --against last.json", "breezeblock plan configs --against-dir rendered || echo \"exit 3: something changed\""],
        ["watch"] = ["breezeblock watch configs", "breezeblock watch configs --output-dir rendered"],
        ["doctor"] = ["breezeblock doctor", "breezeblock doctor --python ~/.pyenv/versions/3.12.1"],
        ["init"] = ["breezeblock init myapp && breezeblock eval myapp/configs"],
        ["stubs"] = ["breezeblock stubs --host bin/MyApp.dll --output typings"],
        ["lsp"] = ["breezeblock lsp", "breezeblock lsp --set environment=dev --timeout 10"],
    };

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static string Listed(IReadOnlyList<string> names) =>
        names.Count <= 5 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(5))} and {names.Count - 5} more";
}
