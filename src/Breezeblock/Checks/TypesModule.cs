using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The embedded types.py, made once per process: whether annotated configs and parameters fit each
/// other, whether a value fits its config's return annotation, and an annotation's JSON Schema; and
/// the constraints <c>Range</c>, <c>Length</c> and <c>Pattern</c> <c>breezeblock</c> exports. The GIL must be held.
/// </summary>
internal sealed class TypesModule
{
    private static TypesModule? s_instance;

    private readonly PyObject _incompatible;
    private readonly PyObject _checkReturn;

    private TypesModule(PyObject module)
    {
        EmbeddedModule.SetMessages(module,
            ("missing_key", Messages.TypeMissingKeyTemplate),
            ("not_in", Messages.TypeNotInTemplate),
            ("out_of_range", Messages.TypeOutOfRangeTemplate),
            ("too_short", Messages.TypeTooShortTemplate),
            ("too_long", Messages.TypeTooLongTemplate),
            ("no_match", Messages.TypeNoMatchTemplate));
        Module = module;
        _incompatible = module.GetAttr("incompatible");
        _checkReturn = module.GetAttr("check_return");
        SchemaOf = module.GetAttr("schema_of");
    }

    public PyObject Module { get; }

    /// <summary><c>schema_of(function, host_schema)</c>: a config's return annotation as JSON Schema data, or None.</summary>
    public PyObject SchemaOf { get; }

    public static TypesModule Get(PythonRuntime runtime) =>
        s_instance ??= new TypesModule(EmbeddedModule.Create(runtime, "_breezeblock_types", "Checks/types.py"));

    /// <summary>For each edge (consumer, parameter, producer) whose annotations cannot match: its index, the parameter's type and the producer's return type.</summary>
    public List<(int Index, string Wanted, string Given)> Incompatible(List<object?> edges)
    {
        using var found = _incompatible.Call(edges);
        var result = new List<(int, string, string)>();
        foreach (var row in found.AsArgument().Items)
        {
            var items = row.Items;
            result.Add(((int)items[0].AsInt64(), items[1].AsString(), items[2].AsString()));
        }
        return result;
    }

    /// <summary>Where a config's value first differs from its return annotation (path, expected, got, the annotation), or null when it fits.</summary>
    public (string Path, string Expected, string Got, string Annotation)? CheckReturn(PyObject function, PyObject value)
    {
        using var found = _checkReturn.Call(function, value);
        if (found.IsNone)
        {
            return null;
        }
        var items = found.AsArgument().Items;
        return (items[0].AsString(), items[1].AsString(), items[2].AsString(), items[3].AsString());
    }
}
