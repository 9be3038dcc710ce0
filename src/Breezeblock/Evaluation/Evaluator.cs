using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Runs configure functions in dependency order, each once, passing each the results it needs by
/// parameter name. An input named like a config replaces it: that function does not run.
/// Cancellation is checked between functions.
/// </summary>
internal static class Evaluator
{
    public static Dictionary<string, PyObject> Run(
        IReadOnlyList<ConfigNode> order,
        IReadOnlyDictionary<string, PyObject> callables,
        IReadOnlyDictionary<string, PyObject> inputs,
        SourceFolder folder,
        bool freezeHostObjects,
        CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, PyObject>(StringComparer.Ordinal);
        var complete = false;
        try
        {
            foreach (var node in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = node.Overridden
                    ? inputs[node.Name].NewReference()
                    : Call(node, callables[node.Name], results, inputs, folder);
                results[node.Name] = result;
                if (freezeHostObjects)
                {
                    FrozenObjects.FreezeResult(result);
                }
            }
            complete = true;
            return results;
        }
        finally
        {
            if (!complete)
            {
                foreach (var result in results.Values)
                {
                    result.Dispose();
                }
            }
        }
    }

    private static PyObject Call(ConfigNode node, PyObject callable, Dictionary<string, PyObject> results, IReadOnlyDictionary<string, PyObject> inputs, SourceFolder folder)
    {
        var positional = new List<object?>();
        var keywords = new List<KeyValuePair<string, object?>>();
        var pendingDefaults = new List<int>();
        for (var i = 0; i < node.Arguments.Count; i++)
        {
            var argument = node.Arguments[i];
            var value = argument switch
            {
                Argument.FromConfig fromConfig => results[fromConfig.Node.Name],
                Argument.FromInput fromInput => inputs[fromInput.InputName],
                _ => null,
            };
            if (argument.Parameter.Kind != ParameterKind.PositionalOnly)
            {
                if (value is not null)
                {
                    keywords.Add(new(argument.Parameter.Name, value));
                }
                continue;
            }
            if (value is null)
            {
                pendingDefaults.Add(positional.Count);
                positional.Add(null);
                continue;
            }
            FillDefaults(callable, positional, pendingDefaults, node);
            positional.Add(value);
        }
        positional.RemoveRange(positional.Count - pendingDefaults.Count, pendingDefaults.Count); // trailing defaults: leave to Python
        try
        {
            return callable.Call(positional.ToArray(), keywords);
        }
        catch (PythonException exception)
        {
            throw new ConfigException(ExceptionTranslator.FromEvaluation(exception, node.Function, folder));
        }
    }

    // A positional-only parameter left to its default before one that is passed needs its default
    // passed explicitly: positional arguments cannot skip a place.
    private static void FillDefaults(PyObject callable, List<object?> positional, List<int> pending, ConfigNode node)
    {
        if (pending.Count == 0)
        {
            return;
        }
        using var defaults = callable.GetAttr("__defaults__");
        var count = (int)defaults.Length;
        var positionalCount = node.Function.Parameters.Count(p => p.Kind != ParameterKind.KeywordOnly);
        foreach (var index in pending)
        {
            positional[index] = defaults.GetItem(index - (positionalCount - count));
        }
        pending.Clear();
    }
}
