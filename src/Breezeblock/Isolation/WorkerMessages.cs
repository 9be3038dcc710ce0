namespace Breezeblock;

/// <summary>The messages of the host–worker channel, built in one place; each is a JSON object with an "op".</summary>
internal static class WorkerMessages
{
    // host → worker

    public static Dictionary<string, object?> Evaluate(string op, string folder, string display, IReadOnlyCollection<string>? targets, Dictionary<string, object?> inputs, ConfigOptions options) => new(StringComparer.Ordinal)
    {
        ["op"] = op, // "evaluate" or "check"
        ["folder"] = folder,
        ["display"] = display,
        ["targets"] = targets?.Cast<object?>().ToList(),
        ["inputs"] = PlainJson.Tag(inputs),
        ["secrets"] = options.Secrets.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal), // over the pipe only
        ["timeout"] = options.Timeout?.TotalMilliseconds,
        ["strict"] = options.StrictInputs,
        ["inputSyntax"] = options.InputSyntax,
        ["output"] = options.Output is not null,
        ["cache"] = options.BytecodeCacheDirectory,
        ["hermetic"] = options.Hermetic,
        ["tests"] = options.IncludeTests,
        ["limits"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["output"] = (long)options.Limits.MaxOutputCharacters,
            ["fileBytes"] = options.Limits.MaxFileBytes,
            ["stopGrace"] = options.Limits.StopGrace.TotalMilliseconds,
        },
    };

    public static Dictionary<string, object?> Folder(string op, string folder) => new(StringComparer.Ordinal) { ["op"] = op, ["folder"] = folder }; // "invalidate", "close"

    public static Dictionary<string, object?> Return(object? value) => new(StringComparer.Ordinal) { ["op"] = "return", ["value"] = PlainJson.Tag(value), ["secrets"] = SecretTable.TokensIn(value) };

    public static Dictionary<string, object?> Raise(Exception error) => new(StringComparer.Ordinal)
    {
        ["op"] = "raise",
        ["type"] = error.GetType().FullName,
        ["message"] = error.Message,
    };

    // worker → host

    public static Dictionary<string, object?> Ready() => new(StringComparer.Ordinal) { ["op"] = "ready", ["pid"] = (long)Environment.ProcessId };

    public static Dictionary<string, object?> Failed(string message) => new(StringComparer.Ordinal) { ["op"] = "failed", ["message"] = message };

    public static Dictionary<string, object?> Running(string config) => new(StringComparer.Ordinal) { ["op"] = "running", ["config"] = config };

    public static Dictionary<string, object?> Call(string module, string function, List<object?> arguments) => new(StringComparer.Ordinal)
    {
        ["op"] = "call",
        ["module"] = module,
        ["function"] = function,
        ["arguments"] = PlainJson.Tag(arguments),
        ["secrets"] = SecretTable.TokensIn(arguments),
    };

    public static Dictionary<string, object?> Output(PythonOutput line) => new(StringComparer.Ordinal)
    {
        ["op"] = "output",
        ["level"] = line.Level.ToString(),
        ["message"] = line.Message,
        ["module"] = line.Module,
        ["logger"] = line.Logger,
    };

    public static Dictionary<string, object?> Result(string op, string snapshot) => new(StringComparer.Ordinal) { ["op"] = op, ["snapshot"] = snapshot }; // "result", "checked"

    public static Dictionary<string, object?> Errors(ConfigException errors) => new(StringComparer.Ordinal) { ["op"] = "errors", ["errors"] = errors.ToJson() };

    public static Dictionary<string, object?> Done() => new(StringComparer.Ordinal) { ["op"] = "done" };
}
