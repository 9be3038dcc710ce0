using System.Reflection;
using System.Text.Json;

namespace Breezeblock;

/// <summary>How .NET names look in Python: snake_case members, UPPER_SNAKE enum members, unless <see cref="PythonNameAttribute"/> says otherwise.</summary>
internal static class PythonNames
{
    /// <summary><c>ReplicaCount</c> → <c>replica_count</c>.</summary>
    public static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    /// <summary><c>DeepArchive</c> → <c>DEEP_ARCHIVE</c>.</summary>
    public static string UpperSnake(string name) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(name);

    public static string Of(PropertyInfo property) => property.GetCustomAttribute<PythonNameAttribute>()?.Name ?? Snake(property.Name);

    public static string Of(ParameterInfo parameter) => parameter.GetCustomAttribute<PythonNameAttribute>()?.Name ?? Snake(parameter.Name ?? "arg");

    public static string Of(Type type) => type.GetCustomAttribute<PythonNameAttribute>()?.Name ?? type.Name;

    public static string OfEnumMember(FieldInfo field) => field.GetCustomAttribute<PythonNameAttribute>()?.Name ?? UpperSnake(field.Name);
}
