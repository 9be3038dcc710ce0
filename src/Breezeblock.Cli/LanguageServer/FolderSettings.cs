using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Breezeblock.Cli.LanguageServer;

/// <summary>
/// How one folder is evaluated, as the editor's settings for it say (VS Code: <c>breezeblock.*</c>, per
/// workspace folder), on top of the arguments <c>breezeblock lsp</c> was started with. Each setting is
/// the command line's option of the same meaning, and is read by the same code.
/// </summary>
/// <param name="ConfigFolder">The config folder, relative to the workspace folder (default: the workspace folder).</param>
/// <param name="Set">Inputs as <c>--set NAME=VALUE</c>.</param>
/// <param name="Values">Values files as <c>--values</c>, relative to the workspace folder.</param>
/// <param name="SecretEnv">Secret inputs as <c>--secret-env NAME=VARIABLE</c>.</param>
/// <param name="Timeout">Seconds an evaluation may take (<c>--timeout</c>).</param>
/// <param name="Isolate">Evaluate in a worker process (<c>--isolate</c>).</param>
/// <param name="Hermetic">Evaluate hermetically (<c>--hermetic</c>).</param>
/// <param name="DebounceMilliseconds">How long typing must pause before the folder is checked again.</param>
/// <param name="IdleMilliseconds">How long typing must pause before unsaved changes are evaluated (a save evaluates at once).</param>
internal sealed record FolderSettings(string? ConfigFolder, string[] Set, string[] Values, string[] SecretEnv, double? Timeout, bool Isolate, bool Hermetic,
    int DebounceMilliseconds, int IdleMilliseconds)
{
    public static readonly FolderSettings Default = new(null, [], [], [], null, false, false, 60, 1000);

    /// <summary>
    /// The settings for <paramref name="folderUri"/> in <paramref name="options"/>: its entry under
    /// <c>folders</c> (by URI) over the settings given for all folders.
    /// </summary>
    public static FolderSettings Read(JsonElement? options, string folderUri)
    {
        var settings = Default;
        if (options is not { ValueKind: JsonValueKind.Object } given)
        {
            return settings;
        }
        settings = settings.Over(given);
        if (given.TryGetProperty("folders", out var folders) && folders.ValueKind == JsonValueKind.Object)
        {
            foreach (var folder in folders.EnumerateObject())
            {
                if (DocumentUris.ToPath(folder.Name) == DocumentUris.ToPath(folderUri) && folder.Value.ValueKind == JsonValueKind.Object)
                {
                    settings = settings.Over(folder.Value);
                }
            }
        }
        return settings;
    }

    private FolderSettings Over(JsonElement given) => new(
        Text(given, "configFolder") ?? ConfigFolder,
        Strings(given, "set") ?? Set,
        Strings(given, "values") ?? Values,
        Strings(given, "secretEnv") ?? SecretEnv,
        given.TryGetProperty("timeout", out var timeout) && timeout.ValueKind == JsonValueKind.Number ? timeout.GetDouble() : Timeout,
        Flag(given, "isolate") ?? Isolate,
        Flag(given, "hermetic") ?? Hermetic,
        Number(given, "debounceMilliseconds") ?? DebounceMilliseconds,
        Number(given, "idleMilliseconds") ?? IdleMilliseconds);

    /// <summary>The settings as the command line's options, values files made absolute against <paramref name="workspaceFolder"/>.</summary>
    public List<string> ToArguments(string workspaceFolder)
    {
        var arguments = new List<string>();
        foreach (var input in Set)
        {
            arguments.AddRange(["--set", input]);
        }
        foreach (var file in Values)
        {
            arguments.AddRange(["--values", Path.GetFullPath(file, workspaceFolder)]);
        }
        foreach (var secret in SecretEnv)
        {
            arguments.AddRange(["--secret-env", secret]);
        }
        if (Timeout is { } seconds)
        {
            arguments.AddRange(["--timeout", seconds.ToString(CultureInfo.InvariantCulture)]);
        }
        if (Isolate)
        {
            arguments.Add("--isolate");
        }
        if (Hermetic)
        {
            arguments.Add("--hermetic");
        }
        return arguments;
    }

    /// <summary>
    /// Engine options for a folder: <paramref name="baseArguments"/> (those <c>lsp</c> was started with) and
    /// then these settings, parsed and built as every command builds them.
    /// </summary>
    /// <exception cref="CommandException">An argument is malformed.</exception>
    public (ConfigOptions Options, Dictionary<string, string> InputTexts) Build(IReadOnlyList<string> baseArguments, string workspaceFolder, CliSetup setup)
    {
        var evaluation = new EvaluationOptions();
        setup = setup with { Globals = new GlobalOptions() }; // options of their own: one parse each
        var command = new RootCommand();
        foreach (var option in evaluation.All(targets: false).Concat(setup.Globals.All))
        {
            command.Options.Add(option);
        }
        var parsed = command.Parse([.. baseArguments, .. ToArguments(workspaceFolder)]);
        if (parsed.Errors is [var first, ..])
        {
            throw new CommandException(first.Message);
        }
        var context = CliContext.From(parsed, setup);
        var options = evaluation.Build(context);
        options.StrictInputs = false; // an input no config uses is a warning in the editor, not a wall of red
        options.RedirectPrintToStandardError = true; // stdout is the protocol's
        return (options, evaluation.InputTexts(context));
    }

    private static string? Text(JsonElement given, string name) =>
        given.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static bool? Flag(JsonElement given, string name) =>
        given.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    private static int? Number(JsonElement given, string name) =>
        given.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= 0 ? number : null;

    private static string[]? Strings(JsonElement given, string name) =>
        given.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray()
            : null;
}
