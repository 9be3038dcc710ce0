using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Breezeblock;

/// <summary>
/// How .NET names look in Python. A member is named, in order: by <see cref="PythonNameAttribute"/>;
/// by its wire name in snake_case when it declares one with <c>[JsonPropertyName]</c> that makes an
/// identifier (<c>NamespaceProperty</c> behind <c>"namespace"</c> is <c>namespace</c>, as the
/// library's users know it); else by its own name in snake_case. A name that is a Python keyword
/// gets a trailing underscore, as PEP 8 advises (<c>Not</c> is <c>not_</c>, <c>From</c> is
/// <c>from_</c>), the same at run time and in stubs. Enum members are UPPER_SNAKE.
/// </summary>
internal static class PythonNames
{
    private static readonly HashSet<string> s_keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield",
    ];

    /// <summary><c>ReplicaCount</c> → <c>replica_count</c>.</summary>
    public static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    /// <summary><c>DeepArchive</c> → <c>DEEP_ARCHIVE</c>.</summary>
    public static string UpperSnake(string name) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(name);

    /// <summary>Whether Python reserves <paramref name="name"/> (it cannot be an attribute or keyword argument).</summary>
    public static bool IsKeyword(string name) => s_keywords.Contains(name);

    /// <summary><paramref name="name"/>, or <c>name_</c> when it is a keyword.</summary>
    public static string Safe(string name) => IsKeyword(name) ? name + "_" : name;

    public static string Of(PropertyInfo property)
    {
        if (property.GetCustomAttribute<PythonNameAttribute>() is { } named)
        {
            return named.Name;
        }
        var wire = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
        return Safe(wire is not null && IsIdentifier(Snake(wire)) ? Snake(wire) : Snake(property.Name));
    }

    public static string Of(ParameterInfo parameter) => parameter.GetCustomAttribute<PythonNameAttribute>()?.Name ?? Safe(Snake(parameter.Name ?? "arg"));

    public static string Of(Type type) => type.GetCustomAttribute<PythonNameAttribute>()?.Name ?? type.Name;

    public static string OfEnumMember(FieldInfo field) => field.GetCustomAttribute<PythonNameAttribute>()?.Name ?? UpperSnake(field.Name);

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}
