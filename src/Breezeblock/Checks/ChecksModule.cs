using Breezeblock.Python;

namespace Breezeblock;

/// <summary>The embedded checks.py, made once per process: calls checks and explains failed assertions. The GIL must be held.</summary>
internal sealed class ChecksModule
{
    private static ChecksModule? s_instance;

    private ChecksModule(PyObject module)
    {
        RunFunction = module.GetAttr("run");
        Matching = module.GetAttr("matching");
        _takeFailure = module.GetAttr("take_failure");
    }

    private readonly PyObject _takeFailure;

    /// <summary><c>run(function, args, keywords)</c>: calls a check, explaining a failed assertion.</summary>
    public PyObject RunFunction { get; }

    /// <summary><c>matching(kinds, values)</c>: the indexes of the values that are instances of kinds.</summary>
    public PyObject Matching { get; }

    /// <summary>The last failed assertion, once: its source, whether it has a message, and its parts' values.</summary>
    public AssertionFailure? TakeFailure()
    {
        using var failure = _takeFailure.Call();
        if (failure.IsNone)
        {
            return null;
        }
        var row = failure.AsArgument().Items;
        var parts = new List<(string Part, string Value)>();
        foreach (var part in row[2].Items)
        {
            var pair = part.Items;
            parts.Add((pair[0].AsString(), pair[1].AsString()));
        }
        return new AssertionFailure(row[0].AsString(), row[1].AsBoolean(), parts);
    }

    public static ChecksModule Get(PythonRuntime runtime) =>
        s_instance ??= new ChecksModule(EmbeddedModule.Create(runtime, "_breezeblock_checks", "Checks/checks.py"));
}

/// <summary>A failed <c>assert</c>: its condition's source, whether it gave a message, and the values of its parts.</summary>
internal sealed record AssertionFailure(string Source, bool HasMessage, IReadOnlyList<(string Part, string Value)> Parts);
