using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The inputs (<see cref="ConfigOptions.Inputs"/> and <see cref="ConfigOptions.Secrets"/>) as frozen Python values, each with the evaluation
/// in which its value last changed: an input given again with an equal value keeps its revision, so
/// the configs that read it are reused.
/// </summary>
internal sealed class InputSet : IDisposable
{
    private Dictionary<string, Input> _inputs = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _inputs.Keys;

    public PyObject Value(string name) => _inputs[name].Value;

    public int Revision(string name) => _inputs[name].Revision;

    /// <summary>Converts the inputs as they are now (the GIL is held); returns the inputs that cannot be converted.</summary>
    public List<ConfigError> Update(IDictionary<string, object?> inputs, IDictionary<string, string> secrets, ValuesModule values, PyObject? hostFreeze, int revision)
    {
        var errors = new List<ConfigError>();
        var next = new Dictionary<string, Input>(StringComparer.Ordinal);
        foreach (var name in inputs.Keys.Concat(secrets.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var secret = secrets.TryGetValue(name, out var secretValue);
            if (secret && inputs.ContainsKey(name))
            {
                errors.Add(new ConfigError(ConfigErrorKind.InvalidInput, Messages.SecretAlsoInput(name), null) { Hint = Messages.SecretAlsoInputHint });
                continue;
            }
            PyObject frozen;
            try
            {
                using var converted = secret ? values.Secrets.Create(secretValue!)
                    : inputs[name] is SecretString given ? values.Secrets.Create(given.Reveal()) // an input given as a SecretString is a secret input too
                    : PyObject.From(inputs[name]);
                frozen = values.FreezeValue(converted, Messages.InputOwner(name), hostFreeze);
            }
            catch (Exception e) when (e is NotSupportedException or InvalidCastException or InvalidOperationException or PythonException)
            {
                errors.Add(new ConfigError(ConfigErrorKind.InvalidInput, Messages.InvalidInput(name, e.Message), null));
                continue;
            }
            if (_inputs.Remove(name, out var old) && values.AreSame(old.Value, frozen))
            {
                frozen.Dispose();
                next[name] = old;
            }
            else
            {
                old?.Value.Dispose();
                next[name] = new Input(frozen, revision);
            }
        }
        Dispose();
        _inputs = next;
        return errors;
    }

    public void Dispose()
    {
        foreach (var input in _inputs.Values)
        {
            input.Value.Dispose();
        }
        _inputs.Clear();
    }

    private sealed record Input(PyObject Value, int Revision);
}
