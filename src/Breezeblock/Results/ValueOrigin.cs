using Breezeblock.Python;

namespace Breezeblock;

/// <summary>Where a value inside a config's result is computed: the expression, its line, and the parameters it reads.</summary>
/// <param name="Location">The line of the expression, in the config's file.</param>
/// <param name="Expression">The expression's source, on one line (<c>replicas * base["scale"]</c>).</param>
/// <param name="References">The parameters it reads, each with the keys it reads it at.</param>
public sealed record ValueOrigin(SourceLocation Location, string Expression, IReadOnlyList<ValueReference> References);

/// <summary>A parameter an expression reads, at a path inside its value: <c>base["scale"]</c> is <c>base</c> at <c>["scale"]</c>.</summary>
/// <param name="Parameter">The parameter's name (what it resolved to is in the config's <see cref="ConfigProvenance"/>).</param>
/// <param name="Path">The keys (strings) and indexes (ints) it is read at; empty for the whole value.</param>
public sealed record ValueReference(string Parameter, IReadOnlyList<object> Path);

/// <summary>The embedded origins.py: reads where a value is computed from the config's source, running nothing. The GIL must be held.</summary>
internal static class ValueOrigins
{
    private static PyObject? s_origin;

    public static ValueOrigin? Find(PythonRuntime runtime, ConfigProvenance config, IReadOnlyList<object> path)
    {
        using var gil = runtime.Acquire();
        s_origin ??= EmbeddedModule.Create(runtime, "_breezeblock_origins", "Results/origins.py").GetAttr("origin");
        using var found = s_origin.Call(config.Location.Path, config.Location.Line, path.ToList());
        if (found.IsNone)
        {
            return null;
        }
        var row = found.AsArgument().Items;
        var references = new List<ValueReference>();
        foreach (var reference in row[2].Items)
        {
            var pair = reference.Items;
            var keys = new List<object>();
            foreach (var key in pair[1].Items)
            {
                keys.Add(key.IsStr ? key.AsString() : key.AsInt64());
            }
            references.Add(new ValueReference(pair[0].AsString(), keys));
        }
        return new ValueOrigin(config.Location with { Line = (int)row[0].AsInt64(), Column = 0, EndColumn = 0 }, row[1].AsString(), references);
    }
}
