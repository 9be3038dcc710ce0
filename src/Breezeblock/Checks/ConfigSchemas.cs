using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Schema;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// JSON Schema (2020-12) for the configs of a check, each from its function's return annotation
/// (see types.py for the vocabulary); a host type in an annotation is described from its .NET type as
/// System.Text.Json describes it. Configs without a return annotation have none.
/// </summary>
internal static class ConfigSchemas
{
    public static ConfigCheck With(ConfigCheck check, CheckedConfigs checkedConfigs, PythonRuntime runtime)
    {
        var types = TypesModule.Get(runtime);
        var functions = checkedConfigs.Loaded.Functions;
        var schemas = new Dictionary<string, string>(StringComparer.Ordinal);
        using var hostSchema = PyFunction.Create("host_schema", arguments => HostSchema(arguments[0]));
        foreach (var config in check.Configs)
        {
            if (checkedConfigs.Graph.Find(config.Name) is not { } node || functions[node.Function.Order] is not { ReturnAnnotated: true } registration)
            {
                continue;
            }
            using var schema = types.SchemaOf.Call(registration.Callable, config.Name, hostSchema);
            if (!schema.IsNone)
            {
                schemas[config.Name] = schema.As<string>();
            }
        }
        return new ConfigCheck(check.Configs, check.Errors, check.Warnings, check.Duration, check.Checks, schemas);
    }

    // A host type's schema from its .NET type, or null for a Python class the host did not make.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "host types are only registered where reflection works (HostTypes)")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "host types are only registered where reflection works (HostTypes)")]
    private static string? HostSchema(PyArgument type)
    {
        if (PyClass.DotnetTypeOf(type) is not { } dotnet)
        {
            return null;
        }
        // As host objects are written (HostJsonContract): members by [JsonPropertyName], else by their
        // Python (snake_case) names; enums by name; a member's or type's own converter as it declares.
        s_hostOutput ??= new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        };
        return JsonSchemaExporter.GetJsonSchemaAsNode(s_hostOutput, dotnet).ToJsonString();
    }

    private static JsonSerializerOptions? s_hostOutput;
}
