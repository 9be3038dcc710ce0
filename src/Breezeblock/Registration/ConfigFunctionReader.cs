using Breezeblock.Python;

namespace Breezeblock;

/// <summary>Reads what <c>@configure</c> registered into plain <see cref="ConfigFunction"/> records.</summary>
internal static class ConfigFunctionReader
{
    /// <summary>The registered functions in definition order (file, then line), with their Python objects.</summary>
    public static List<(ConfigFunction Function, PyObject Callable)> Read(
        IEnumerable<(PyObject Function, string? Name)> registrations, LoaderModule loader, SourceFolder folder, List<ConfigError> errors)
    {
        var described = new List<(string Name, SourceLocation Location, List<ConfigParameter> Parameters, string? Args, string? Kwargs, PyObject Callable)>();
        foreach (var (function, explicitName) in registrations)
        {
            var name = explicitName ?? NameOf(function);
            try
            {
                using var description = loader.Describe.Call(function);
                var parameters = new List<ConfigParameter>();
                using (var list = description.GetItem(0))
                {
                    foreach (var parameter in list.Iterate())
                    {
                        using (parameter)
                        {
                            var items = (object?[])parameter.ToManaged()!;
                            parameters.Add(new ConfigParameter((string)items[0]!, (ParameterKind)(long)items[1]!, (bool)items[2]!));
                        }
                    }
                }
                var args = description.GetItem(1).ToManaged() as string;
                var kwargs = description.GetItem(2).ToManaged() as string;
                var file = description.GetItem(3).As<string>();
                var line = (int)description.GetItem(4).As<long>();
                described.Add((name, folder.Locate(file, line), parameters, args, kwargs, function));
            }
            catch (PythonException exception)
            {
                errors.Add(new ConfigError(ConfigErrorKind.InvalidSignature,
                    $"the signature of config '{name}' cannot be read: {exception.Message}", null) { ConfigName = name, PythonException = exception });
                function.Dispose();
            }
        }
        var ordered = described
            .OrderBy(d => folder.Contains(d.Location.Path) ? 0 : 1)
            .ThenBy(d => d.Location.DisplayPath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ToList();
        return ordered
            .Select((d, order) => (new ConfigFunction(d.Name, d.Location, d.Parameters, d.Args, d.Kwargs, order), d.Callable))
            .ToList();
    }

    private static string NameOf(PyObject function)
    {
        if (function.TryGetAttr("__name__", out var name))
        {
            using (name)
            {
                return name.ToManaged() as string ?? function.Repr();
            }
        }
        return function.Repr();
    }
}
