using Breezeblock.Python;

namespace Breezeblock;

/// <summary>The embedded signatures.py, made once per process: reads what <c>@configure</c> registered.</summary>
internal sealed class SignaturesModule
{
    private static SignaturesModule? s_instance;

    private SignaturesModule(PyObject module)
    {
        EmbeddedModule.SetMessages(module,
            ("class", Messages.ConfigIsAClassTemplate),
            ("coroutine", Messages.ConfigIsACoroutineTemplate),
            ("generator", Messages.ConfigIsAGeneratorTemplate),
            ("unreadable", Messages.SignatureUnreadableTemplate),
            ("each_needs_value", Messages.EachNeedsValueTemplate));
        DescribeAll = module.GetAttr("describe_all");
        _declared = module.GetAttr("declared");
    }

    private readonly PyObject _declared;

    /// <summary>The configs a file defines, read without running it: (name, line) of each <c>@configure</c> function.</summary>
    public List<(string Name, int Line)> Declared(string path)
    {
        using var found = _declared.Call(path);
        return ((List<object?>)found.ToManaged()!).Select(row => (object?[])row!).Select(row => ((string)row[0]!, (int)(long)row[1]!)).ToList();
    }

    /// <summary>
    /// <c>describe_all(registry, freeze, owner, default_owner, start, count)</c>: one row per function of the
    /// registry ([module], [function], [name]) from start, at most count; see signatures.py for the row's fields.
    /// </summary>
    public PyObject DescribeAll { get; }

    public static SignaturesModule Get(PythonRuntime runtime) =>
        s_instance ??= new SignaturesModule(EmbeddedModule.Create(runtime, "_breezeblock_signatures", "Registration/signatures.py"));
}
