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

    // ---- types across the wiring ----

    /// <summary>A parameter whose annotation the config it names cannot satisfy, found without running anything.</summary>
    public static string IncompatibleTypes(string consumer, bool isCheck, string parameter, string wanted, string producer, string given) =>
        $"{Subject(consumer, isCheck)} takes '{parameter}' as {wanted}, but config '{producer}' is declared to return {given}";

    public static string IncompatibleTypesHint(string producer, SourceLocation location) =>
        $"change the annotation of '{producer}' ({location}) or of the parameter, or what the config returns";

    /// <summary>A config's value that does not fit its return annotation.</summary>
    public static string ReturnMismatch(string config, string annotation, string path, string expected, string got) =>
        path.Length == 0
            ? $"config '{config}' is declared to return {annotation}, but returned {got}{(expected == annotation ? "" : $" ({expected})")}"
            : $"config '{config}' is declared to return {annotation}, but at {path} it has {got} where the annotation says {expected}";

    public const string ReturnMismatchHint = "fix the value, or the annotation if it no longer says what the config gives";

    /// <summary>Python's str.format templates for what a value breaks (see Checks/types.py).</summary>
    public const string TypeMissingKeyTemplate = "a key '{key}' ({type})";

    public const string TypeNotInTemplate = "one of {values}";

    public const string TypeOutOfRangeTemplate = "a number from {min} to {max}";

    public const string TypeTooShortTemplate = "at least {min} long";

    public const string TypeTooLongTemplate = "at most {max} long";

    public const string TypeNoMatchTemplate = "text matching {pattern}";
}
