using Breezeblock.Python;

namespace Breezeblock;

/// <summary>Reads what <c>@configure</c> registered into plain <see cref="ConfigFunction"/> records.</summary>
internal static class ConfigFunctionReader
{
    /// <summary>The registered functions in definition order (file, then line), with their Python objects.</summary>
    public static List<(ConfigFunction Function, PyObject Callable)> Read(BreezeblockModule breezeblock, LoaderModule loader, SourceFolder folder, List<ConfigError> errors)
    {
        // One call describes every function, and one conversion brings all of it to .NET.
        using var described = loader.DescribeAll.Call(breezeblock.Registry);
        var rows = (List<object?>)described.ToManaged()!;
        var found = new List<(string Name, SourceLocation Location, List<ConfigParameter> Parameters, string? Args, string? Kwargs, int Index)>(rows.Count);
        for (var index = 0; index < rows.Count; index++)
        {
            var row = (object?[])rows[index]!;
            var name = (string)row[0]!;
            if (row[6] is string problem)
            {
                errors.Add(new ConfigError(ConfigErrorKind.InvalidSignature, $"the signature of config '{name}' cannot be read: {problem}", null) { ConfigName = name });
                continue;
            }
            var parameters = ((List<object?>)row[1]!).Select(p => (object?[])p!)
                .Select(p => new ConfigParameter((string)p[0]!, (ParameterKind)(long)p[1]!, (bool)p[2]!))
                .ToList();
            found.Add((name, folder.Locate((string)row[4]!, (int)(long)row[5]!), parameters, row[2] as string, row[3] as string, index));
        }
        var ordered = found
            .OrderBy(d => folder.Contains(d.Location.Path) ? 0 : 1)
            .ThenBy(d => d.Location.DisplayPath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ToList();
        var registry = (List<object?>)breezeblock.Registry.ToManaged()!; // (function, name) pairs; functions stay Python objects
        var result = new List<(ConfigFunction, PyObject)>(ordered.Count);
        for (var order = 0; order < ordered.Count; order++)
        {
            var d = ordered[order];
            result.Add((new ConfigFunction(d.Name, d.Location, d.Parameters, d.Args, d.Kwargs, order), (PyObject)((object?[])registry[d.Index]!)[0]!));
        }
        var used = ordered.Select(d => d.Index).ToHashSet();
        foreach (var (index, entry) in registry.Index())
        {
            if (!used.Contains(index) && ((object?[])entry!)[0] is IDisposable unused)
            {
                unused.Dispose();
            }
        }
        return result;
    }
}
