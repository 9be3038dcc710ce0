using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Reads what <c>@configure</c> registered into plain <see cref="ConfigFunction"/> records, and puts
/// every registered function into definition order.
/// </summary>
internal static class ConfigFunctionReader
{
    /// <summary>Describes the functions a load registered (one Python call for all); unreadable signatures become errors.</summary>
    public static List<RegisteredFunction> Read(LoaderModule loader, ValuesModule values, IReadOnlyList<(string Module, PyObject Function, string? Name)> registered, SourceFolder folder, List<ConfigError> errors)
    {
        var result = new List<RegisteredFunction>(registered.Count);
        if (registered.Count == 0)
        {
            return result;
        }
        var pairs = registered.Select(r => (object?)new object?[] { r.Function, r.Name }).ToList();
        using var described = loader.DescribeAll.Call(pairs, values.Freeze, Messages.DefaultOwnerTemplate);
        var rows = (List<object?>)described.ToManaged()!;
        for (var index = 0; index < rows.Count; index++)
        {
            var row = (object?[])rows[index]!;
            var name = (string)row[0]!;
            if (row[6] is string problem)
            {
                errors.Add(new ConfigError(ConfigErrorKind.InvalidSignature, Messages.SignatureUnreadable(name, problem), null) { ConfigName = name });
                registered[index].Function.Dispose();
                continue;
            }
            var parameters = ((List<object?>)row[1]!).Select(p => (object?[])p!)
                .Select(p => new ConfigParameter((string)p[0]!, (ParameterKind)(long)p[1]!, (bool)p[2]!, p[3] as string))
                .ToList();
            var function = new ConfigFunction(name, folder.Locate((string)row[4]!, (int)(long)row[5]!), parameters, row[2] as string, row[3] as string, -1, (string)row[7]!);
            result.Add(new RegisteredFunction(registered[index].Module, registered[index].Function, function, (long)row[8]!));
        }
        return result;
    }

    /// <summary>
    /// Every function once, in definition order (the folder's files first, by path, then line), each
    /// with its <see cref="ConfigFunction.Order"/> set: <paramref name="previous"/> (already in order)
    /// without the functions of modules that were dropped, merged with <paramref name="added"/>.
    /// Linear when few functions are added, as after an edit.
    /// </summary>
    public static List<RegisteredFunction> InDefinitionOrder(IReadOnlyList<RegisteredFunction> previous, IReadOnlySet<string> droppedModules, IEnumerable<RegisteredFunction> added, SourceFolder folder)
    {
        var comparer = new DefinitionOrder(folder);
        var kept = droppedModules.Count == 0 ? previous : previous.Where(f => !droppedModules.Contains(f.Module)).ToList();
        var incoming = added.ToList();
        incoming.Sort(comparer);
        var ordered = new List<RegisteredFunction>(kept.Count + incoming.Count);
        var seen = new HashSet<long>();
        int i = 0, j = 0;
        while (i < kept.Count || j < incoming.Count)
        {
            var next = j >= incoming.Count || (i < kept.Count && comparer.Compare(kept[i], incoming[j]) <= 0) ? kept[i++] : incoming[j++];
            if (seen.Add(next.Identity))
            {
                ordered.Add(next);
            }
        }
        for (var order = 0; order < ordered.Count; order++)
        {
            if (ordered[order].Function.Order != order)
            {
                ordered[order].Function = ordered[order].Function with { Order = order };
            }
        }
        return ordered;
    }

    private sealed class DefinitionOrder(SourceFolder folder) : IComparer<RegisteredFunction>
    {
        public int Compare(RegisteredFunction? x, RegisteredFunction? y)
        {
            var a = x!.Function.Location;
            var b = y!.Function.Location;
            var byFolder = (folder.Contains(a.Path) ? 0 : 1).CompareTo(folder.Contains(b.Path) ? 0 : 1);
            if (byFolder != 0)
            {
                return byFolder;
            }
            var byPath = string.CompareOrdinal(a.DisplayPath, b.DisplayPath);
            if (byPath != 0)
            {
                return byPath;
            }
            var byLine = a.Line.CompareTo(b.Line);
            return byLine != 0 ? byLine : string.CompareOrdinal(x.Function.Name, y.Function.Name);
        }
    }
}
