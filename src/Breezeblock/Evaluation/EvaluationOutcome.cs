using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// What running the configs gave: values (owned by the cache and the inputs, or by the outcome itself
/// when results are not kept), by node index, and what happened to each config.
/// </summary>
internal sealed class EvaluationOutcome(int nodeCount, int capacity) : IDisposable
{
    private readonly PyObject?[] _values = new PyObject?[nodeCount];
    private readonly int[] _revisions = new int[nodeCount];
    private readonly List<ConfigNode> _set = new(capacity);
    private bool[]? _owned;

    /// <summary>The value of a config that ran, was reused or was replaced.</summary>
    public PyObject Value(ConfigNode node) => _values[node.Index]!;

    /// <summary>The evaluation in which the value last changed.</summary>
    public int Revision(ConfigNode node) => _revisions[node.Index];

    public void Set(ConfigNode node, PyObject value, int revision)
    {
        if (_values[node.Index] is null)
        {
            _set.Add(node);
        }
        _values[node.Index] = value;
        _revisions[node.Index] = revision;
    }

    /// <summary>A value this outcome owns, released with it (unless <see cref="TakeValues"/> takes it).</summary>
    public void SetOwned(ConfigNode node, PyObject value, int revision)
    {
        (_owned ??= new bool[_values.Length])[node.Index] = true;
        Set(node, value, revision);
    }

    /// <summary>Every value by config name, each a reference of its own: the ones this outcome owns move, the others are referenced again.</summary>
    public Dictionary<string, PyObject> TakeValues()
    {
        var values = new Dictionary<string, PyObject>(_set.Count, StringComparer.Ordinal);
        foreach (var node in _set)
        {
            var value = _values[node.Index]!;
            if (_owned is not null && _owned[node.Index])
            {
                _owned[node.Index] = false;
                values[node.Name] = value;
            }
            else
            {
                values[node.Name] = value.NewReference();
            }
        }
        return values;
    }

    public void Dispose()
    {
        if (_owned is null)
        {
            return;
        }
        for (var i = 0; i < _owned.Length; i++)
        {
            if (_owned[i])
            {
                _owned[i] = false;
                _values[i]!.Dispose();
            }
        }
    }

    public List<string> Ran { get; } = [];

    public List<string> Reused { get; } = [];

    public List<string> Replaced { get; } = [];

    public List<string> Skipped { get; } = [];

    public List<ConfigError> Errors { get; } = [];

    /// <summary>How long each config in <see cref="Ran"/> took, in ticks (plain numbers: the report makes a dictionary only when asked).</summary>
    public long[] RanTicks { get; } = new long[capacity];
}
