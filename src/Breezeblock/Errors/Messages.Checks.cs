namespace Breezeblock;

internal static partial class Messages
{
    // ---- checks ----

    /// <summary>Python's str.format template for <c>@check(each=...)</c> on a function with no parameter for the value.</summary>
    public const string EachNeedsValueTemplate =
        "check '{check}' has each=, so its first parameter receives each value; give it one (def {check}(value, ...)) that is not keyword-only";

    public const string DefinedTwiceCheckHint = "rename one of the functions, or give one another name with @check(name=\"...\")";

    public static string PositionalOnlyCheck(string check, string parameter) =>
        $"check '{check}' takes '{parameter}' positional-only, but a check receives configs and inputs by name";

    public const string PositionalOnlyCheckHint = "remove the / from the check's parameters";

    /// <summary>The headline of a check that failed: its assertion's message, or the assertion, or the exception.</summary>
    public static string CheckFailed(string check, string? config, string what) =>
        $"check '{check}' failed{(config is null ? "" : $" for config '{config}'")}: {what}";

    /// <summary>An assertion without a message, as the headline says it.</summary>
    public static string FailedAssertion(string source) => $"assert {source}";

    /// <summary>One value of the failing assertion: <c>web["replicas"] was 1</c>.</summary>
    public static string AssertedValue(string expression, string value) => $"{expression} was {value}";

    /// <summary>What a check received, under its failure: <c>it received web (services.py:12), replicas (an input)</c>.</summary>
    public static string CheckReceived(IEnumerable<string> sources) => $"it received {string.Join(", ", sources)}";

    public static string ReceivedConfig(string config, SourceLocation location) => $"{config} ({location})";

    public static string ReceivedInput(string input) => $"{input} (an input)";

    public static string ReceivedDefault(string parameter) => $"{parameter} (its default)";

    public static string ReceivedValue(string config, SourceLocation location) => $"the value of {config} ({location})";

    public static string WhileChecking(string check, SourceLocation location) => $"while running check '{check}' ({location})";
}
