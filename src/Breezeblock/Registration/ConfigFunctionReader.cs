using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Reads what <c>@configure</c> registered into plain <see cref="ConfigFunction"/> records, and puts
/// every registered function into definition order.
/// </summary>
internal static class ConfigFunctionReader
{
    // Rows are described this many at a time: the Python rows of a chunk are all that exists at once.
    private const int Chunk = 1024;

    /// <summary>
    /// Describes the functions a load registered, given as the Python ([module], [function], [name])
    /// the finder kept, a chunk per Python call, each row read where it is (no copy of the rows is
    /// made on either side). Unreadable signatures become errors.
    /// </summary>
    public static List<RegisteredFunction> Read(SignaturesModule signatures, ValuesModule values, PyObject registered, SourceFolder folder, List<ConfigError> errors)
    {
        int count;
        using (var functions = registered.GetItem(1))
        {
            count = (int)functions.Length;
        }
        var result = new List<RegisteredFunction>(count);
        var strings = new Strings(count);
        var files = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var start = 0; start < count; start += Chunk)
        {
            using var described = signatures.DescribeAll.Call(registered, values.Freeze, values.Owner, Messages.DefaultOwnerTemplate, start, Chunk);
            foreach (var row in described.AsArgument().Items)
            {
                ReadRow(row.Items, folder, strings, files, errors, result);
            }
            strings.ForgetObjects(); // the chunk's objects go with it, and their addresses may be reused
        }
        return result;
    }

    // One row of signatures.describe_all: see there for its fields.
    private static void ReadRow(PyArgument.SequenceItems row, SourceFolder folder, Strings strings, Dictionary<string, SourceLocation> files, List<ConfigError> errors, List<RegisteredFunction> result)
    {
        var name = strings.Of(row[0]);
        var path = strings.Of(row[6]);
        if (!row[8].IsNone)
        {
            var at = path == "<unknown>" ? null : folder.Locate(path, (int)row[7].AsInt64());
            errors.Add(new ConfigError(ConfigErrorKind.InvalidSignature, row[8].AsString(), at) { ConfigName = name });
            return;
        }
        if (!files.TryGetValue(path, out var file))
        {
            file = folder.Locate(path, 0);
            files[path] = file;
        }
        var module = strings.Of(row[11]);
        var check = row[13];
        CheckShape? shape = null;
        PyObject? each = null;
        if (!check.IsNone)
        {
            var kind = check.Items;
            if (kind[0].IsNone)
            {
                shape = CheckShape.Plain;
            }
            else
            {
                var types = new List<string>();
                foreach (var type in kind[1].Items)
                {
                    types.Add(strings.Of(type));
                }
                shape = new CheckShape(types);
            }
            each = kind[0].IsNone ? null : kind[0].ToPyObject();
        }
        var function = new ConfigFunction(name, file, (int)row[7].AsInt64(), Parameters(row[1].Items, row[2].AsString(), row[3], strings),
            Optional(row[4]), Optional(row[5]), -1, module, Optional(row[9]), shape);
        var annotated = row[14].AsInt64();
        result.Add(new RegisteredFunction(module, row[12].ToPyObject(), function, row[10].AsInt64())
        {
            Each = each,
            ReturnAnnotated = (annotated & 1) != 0,
            ParametersAnnotated = (annotated & 2) != 0,
        });
    }

    private static string? Optional(PyArgument value) => value.IsNone ? null : value.AsString();

    // One digit per parameter: kind * 2 + has default; the reprs of the defaults, in order (None when no parameter has one).
    private static ConfigParameter[] Parameters(PyArgument.SequenceItems names, string kinds, PyArgument defaults, Strings strings)
    {
        if (kinds.Length == 0)
        {
            return [];
        }
        var parameters = new ConfigParameter[kinds.Length];
        var nextDefault = 0;
        var i = 0;
        foreach (var parameterName in names)
        {
            var code = kinds[i] - '0';
            var hasDefault = (code & 1) != 0;
            parameters[i] = new ConfigParameter(strings.Of(parameterName), (ParameterKind)(code >> 1), hasDefault,
                hasDefault && !defaults.IsNone ? Optional(defaults.Items[nextDefault++]) : null);
            i++;
        }
        return parameters;
    }

    // One .NET string per distinct text (parameters are mostly named after configs, and a file's functions
    // share its path and module), made once per Python object: names and paths are the same objects row
    // after row, so most are not converted at all.
    private sealed class Strings(int capacity)
    {
        private readonly Dictionary<string, string> _byText = new(capacity, StringComparer.Ordinal);
        private readonly Dictionary<nint, string> _byObject = [];

        public string Of(PyArgument text)
        {
            if (_byObject.TryGetValue(text.Identity, out var known))
            {
                return known;
            }
            var converted = text.AsString();
            if (!_byText.TryAdd(converted, converted))
            {
                converted = _byText[converted];
            }
            _byObject[text.Identity] = converted;
            return converted;
        }

        public void ForgetObjects() => _byObject.Clear();
    }

    /// <summary>
    /// Every function once, in definition order (the folder's files first, by path, then line), each
    /// with its <see cref="ConfigFunction.Order"/> set: <paramref name="previous"/> (already in order)
    /// without the functions of modules that were dropped, merged with <paramref name="added"/>.
    /// Linear when few functions are added, as after an edit.
    /// </summary>
    public static List<RegisteredFunction> InDefinitionOrder(IReadOnlyList<RegisteredFunction> previous, IReadOnlySet<string> droppedModules, List<RegisteredFunction> added, SourceFolder folder)
    {
        var comparer = new DefinitionOrder(folder);
        var kept = droppedModules.Count == 0 ? previous : previous.Where(f => !droppedModules.Contains(f.Module)).ToList();
        if (!IsSorted(added, comparer))
        {
            added.Sort(comparer); // modules run in file order, so only a nested import puts them out of order
        }
        var ordered = new List<RegisteredFunction>(kept.Count + added.Count);
        var seen = new HashSet<long>(kept.Count + added.Count);
        int i = 0, j = 0;
        while (i < kept.Count || j < added.Count)
        {
            var next = j >= added.Count || (i < kept.Count && comparer.Compare(kept[i], added[j]) <= 0) ? kept[i++] : added[j++];
            if (seen.Add(next.Identity))
            {
                ordered.Add(next);
            }
        }
        for (var order = 0; order < ordered.Count; order++)
        {
            ordered[order].Function = ordered[order].Function.At(order);
        }
        return ordered;
    }

    private static bool IsSorted(List<RegisteredFunction> functions, DefinitionOrder comparer)
    {
        for (var i = 1; i < functions.Count; i++)
        {
            if (comparer.Compare(functions[i - 1], functions[i]) > 0)
            {
                return false;
            }
        }
        return true;
    }

    // Outside the folder last, then by file, line and name. Compares the records themselves: a large
    // folder sorts and merges without making anything per comparison.
    private sealed class DefinitionOrder(SourceFolder folder) : IComparer<RegisteredFunction>
    {
        public int Compare(RegisteredFunction? x, RegisteredFunction? y)
        {
            var a = x!.Function;
            var b = y!.Function;
            var byFolder = (!folder.Contains(a.Path)).CompareTo(!folder.Contains(b.Path));
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
            return byLine != 0 ? byLine : string.CompareOrdinal(a.Name, b.Name);
        }
    }
}
