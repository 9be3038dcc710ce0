namespace Breezeblock;

/// <summary>
/// The texts of host types and host functions: what an application is told when a type or function
/// cannot be bridged, and what Python code is told (as Python's own exceptions, worded as Python
/// words them) when it passes a host type or function something that does not fit.
/// </summary>
internal static partial class Messages
{
    // ---- registering host types and functions (ArgumentException for the application) ----

    public static string HostModuleNameTaken(string name, string reason) => $"a host module cannot be called '{name}': {reason}";

    public const string HostModuleIsBreezeblock = "Breezeblock provides that module itself";

    public const string HostModuleExists = "there is one already";

    public const string HostModuleIsStandard = "Python's standard library has a module of that name, which it would replace for every import (name it after the application, e.g. 'myapp')";

    public static string NotAHostType(string type) =>
        $"{type} cannot be a host type: host types are the application's own concrete classes, structs, records and enums";

    public static string PropertyNotBridged(string type, string property, string reason) => $"{type}.{property} cannot be bridged to Python: {reason}";

    public static string PropertiesCollide(string type, string pythonName, IEnumerable<string> properties) =>
        $"{type} has two properties named '{pythonName}' in Python ({string.Join(", ", properties)}); rename one with [PythonName]";

    public static string NoCallableConstructor(string type) => $"{type} has no public constructor Python can call";

    public static string NoPythonForm(string type) =>
        $"{type} has no Python form (supported: str, bool, integers, float, double, decimal, enums, " +
        "DateTime, DateTimeOffset, TimeSpan, Guid, Uri, host classes, lists, arrays, Dictionary<string, T>, delegates and object)";

    public static string NotADelegateType(string type) => $"{type} is not a delegate type";

    public static string DelegateByReference(string type) => $"{type} has ref or out parameters, which Python cannot fill";

    /// <summary>How every message about one host function starts.</summary>
    public const string HostFunctionPrefix = "host function ";

    public static string HostFunctionByReference(string function, string parameter) =>
        $"{HostFunctionPrefix}{function}: parameter '{parameter}' is ref or out, which Python cannot pass";

    public static string HostFunctionNotBridged(string function, string reason) => $"{HostFunctionPrefix}{function} cannot be bridged to Python: {reason}";

    // ---- values Python code passes to host types and functions (Python exceptions) ----

    public static string WrongType(string what, string expected, string actual) => $"{what}: expected {expected}, got {actual}";

    public static string HostObjectNotFaithful(string type) =>
        $"a {type} cannot be written faithfully: what it holds is not in properties Python can read and set (give the type a [JsonConverter], or a settable property or constructor parameter for each part of its state)";

    public static string JsonConverterFailed(string type, string reason) => $"the JSON converter of {type} failed: {reason}";

    public static string NoTypesAdded(string assembly, string? namespaceName, string? firstReason) =>
        $"{assembly} has no type{(namespaceName is null ? "" : $" in namespace {namespaceName}")} that can be a host type" + (firstReason is null ? "" : $"; the first refused: {firstReason}");

    public static string ConversionRefused(string what, string value, string type, string reason) => $"{what}: {type} does not accept {value}: {reason}";

    public static string OutOfRange(string what, object number, string type, object min, object max) => $"{what}: {number} is out of range for {type} ({min} to {max})";

    public static string OutOfDecimalRange(string what, string repr) => $"{what}: {repr} is out of range for Decimal";

    public static string NotAUri(string what, string repr) => $"{what}: {repr} is not a URI";

    public static string NotAUuid(string what, string repr) => $"{what}: {repr} is not a UUID";

    public static string KeysMustBeStr(string? what, string actual) => what is null ? $"keys must be str, got {actual}" : $"{what}: keys must be str, got {actual}";

    public static string NotAnEnumMember(object value, long number, string type) => $"{value} ({number}) is not a member of {type}";

    public static string Invalid(string what, string reasons) => $"{what}: {reasons}";

    /// <summary>What a delegate's result is called in a conversion error.</summary>
    public const string ReturnValue = "the return value";

    public static string NoAttribute(string type, string name, bool setting, string? suggestion) =>
        $"'{type}' object has no attribute '{name}'{(setting ? " to set" : "")}{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}";

    // ---- calling host classes and functions (TypeError, as Python words it) ----

    public static string TooManyKeywords(string callable) => $"{callable}() takes at most 64 keyword arguments";

    public static string UnexpectedKeyword(string callable, string keyword, string? suggestion) =>
        $"{callable}() got an unexpected keyword argument '{keyword}'{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}";

    public static string MissingArguments(string callable, IReadOnlyCollection<string> missing) =>
        $"{callable}() missing {missing.Count} required argument{(missing.Count == 1 ? "" : "s")}: {string.Join(" and ", missing)}";

    public static string MissingArgument(string callable, string parameter) => $"{callable}() missing required argument: '{parameter}'";

    public static string NoConstructorFits(string callable, int positional, bool keywords, string signatures) =>
        $"{callable}() cannot be built from {positional} positional argument{(positional == 1 ? "" : "s")}{(keywords ? " and those keywords" : "")}; it takes {signatures}";

    public static string TooManyPositional(string callable, int takes, int given) =>
        $"{callable}() takes {takes} positional argument{(takes == 1 ? "" : "s")} but {given} were given";

    public static string MultipleValues(string callable, string keyword) => $"{callable}() got multiple values for argument '{keyword}'";

    public static string ExactlyOneArgument(string method, int given) => $"{method}() takes exactly one argument ({given} given)";

    // ---- host lists and dictionaries (as Python's list and dict word them) ----

    public static string NotInList(string repr) => $"{repr} is not in list";

    public const string RemoveNotInList = "list.remove(x): x not in list";

    public static string FixedSizeList(string type) => $"this {type} has a fixed size; assign a new list to the attribute instead";

    public static string ListIndexType(string actual) => $"list indices must be integers, not {actual}";

    public const string ListIndexOutOfRange = "list index out of range";
}
