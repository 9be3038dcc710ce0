using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Reads what <c>@configure</c> registered into plain <see cref="ConfigFunction"/> records, and puts
/// every registered function into definition order.
/// </summary>
internal static class ConfigFunctionReader
{
    /// <summary>
    /// Describes the functions a load registered, given as the Python list of (module, function, name)
    /// the finder kept: one Python call and one conversion for all. Unreadable signatures become errors.
    /// </summary>
    public static List<RegisteredFunction> Read(SignaturesModule signatures, ValuesModule values, PyObject registered, SourceFolder folder, List<ConfigError> errors)
    {
        using var described = signatures.DescribeAll.Call(registered, values.Freeze, values.Owner, Messages.DefaultOwnerTemplate);
        var rows = (List<object?>)described.ToManaged()!;
        var result = new List<RegisteredFunction>(rows.Count);
        // Parameters are mostly named after configs and many functions share a module: one string each.
        var strings = new Dictionary<string, string>(rows.Count, StringComparer.Ordinal);
        string Shared(string text) => strings.TryAdd(text, text) ? text : strings[text];
        foreach (var item in rows)
        {
            var row = (object?[])item!;
            var name = Shared((string)row[0]!);
            if (row[8] is string problem)
            {
                errors.Add(new ConfigError(ConfigErrorKind.InvalidSignature, Messages.SignatureUnreadable(name, problem), null) { ConfigName = name });
                continue;
            }
            var function = new ConfigFunction(name, folder.Locate((string)row[6]!, (int)(long)row[7]!), Parameters((object?[])row[1]!, (string)row[2]!, row[3] as object?[], Shared),
                row[4] as string, row[5] as string, -1, (string)row[9]!);
            result.Add(new RegisteredFunction(Shared((string)row[11]!), (PyObject)row[12]!, function, (long)row[10]!));
        }
        return result;
    }

    // One digit per parameter: kind * 2 + has default; the reprs of the defaults, in order.
    private static ConfigParameter[] Parameters(object?[] names, string kinds, object?[]? defaults, Func<string, string> shared)
    {
        var parameters = new ConfigParameter[names.Length];
        var nextDefault = 0;
        for (var i = 0; i < names.Length; i++)
        {
            var code = kinds[i] - '0';
            var hasDefault = (code & 1) != 0;
            parameters[i] = new ConfigParameter(shared((string)names[i]!), (ParameterKind)(code >> 1), hasDefault, hasDefault ? defaults?[nextDefault++] as string : null);
        }
        return parameters;
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
        var keyed = added.Select(comparer.Key).ToList();
        keyed.Sort(comparer);
        var incoming = keyed.Select(k => k.Function).ToList();
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

    // Outside the folder last, then by file, line and name.
    private sealed class DefinitionOrder(SourceFolder folder) : IComparer<RegisteredFunction>, IComparer<SortKey>
    {
        public SortKey Key(RegisteredFunction function) =>
            new(!folder.Contains(function.Function.Location.Path), function.Function.Location.DisplayPath, function.Function.Location.Line, function.Function.Name, function);

        public int Compare(RegisteredFunction? x, RegisteredFunction? y) => Compare(Key(x!), Key(y!));

        public int Compare(SortKey? a, SortKey? b)
        {
            var byFolder = a!.Outside.CompareTo(b!.Outside);
            if (byFolder != 0)
            {
                return byFolder;
            }
            var byPath = string.CompareOrdinal(a.Path, b.Path);
            if (byPath != 0)
            {
                return byPath;
            }
            var byLine = a.Line.CompareTo(b.Line);
            return byLine != 0 ? byLine : string.CompareOrdinal(a.Name, b.Name);
        }
    }

    // A class, not a tuple: sorting value types runs generic code compiled at run time.
    private sealed record SortKey(bool Outside, string Path, int Line, string Name, RegisteredFunction Function);
}
