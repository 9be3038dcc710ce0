using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The results of an evaluation: each config's value, typed on request. Values stay Python objects
/// until asked for, so a result can hold what JSON cannot (host objects, callables); reading takes
/// the GIL itself and works from any thread. Dispose releases the Python objects.
/// </summary>
public sealed class ConfigResult : IDisposable
{
    private readonly PythonRuntime _runtime;
    private readonly Dictionary<string, PyObject> _values;
    private readonly Dictionary<string, SourceLocation> _locations;
    private readonly IHostObjectRenderer? _hostObjects;

    internal ConfigResult(PythonRuntime runtime, IReadOnlyList<string> names, Dictionary<string, PyObject> values, Dictionary<string, SourceLocation> locations, IHostObjectRenderer? hostObjects)
    {
        _runtime = runtime;
        Names = names;
        _values = values;
        _locations = locations;
        _hostObjects = hostObjects;
    }

    /// <summary>The configs this result reports (all, or the targets), in definition order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>True when <paramref name="name"/> was evaluated (a target or something a target needed).</summary>
    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>
    /// The config's value as plain .NET data: null, bool, long, BigInteger, double, decimal, string,
    /// List&lt;object?&gt; and Dictionary&lt;string, object?&gt;.
    /// </summary>
    /// <exception cref="ConfigException">The value holds something plain data cannot (a function, an open file).</exception>
    public object? Get(string name) => Get<object?>(name);

    /// <summary>
    /// The config's value as <typeparamref name="T"/>. A dict or dataclass binds to a class whose
    /// property names match its keys, ignoring case and underscores (<c>max_surge</c> → <c>MaxSurge</c>);
    /// <see cref="PyObject"/> gives the Python object itself.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No config of that name was evaluated.</exception>
    /// <exception cref="ConfigException">The value does not fit <typeparamref name="T"/>.</exception>
    public T Get<T>(string name)
    {
        var value = Value(name);
        return _runtime.Run(() =>
        {
            if (typeof(T) == typeof(PyObject))
            {
                return (T)(object)value.NewReference();
            }
            if (typeof(Delegate).IsAssignableFrom(typeof(T)))
            {
                return value.IsCallable
                    ? (T)(object)PythonDelegates.Create(typeof(T), value.NewReference())
                    : throw new ConfigException(new ConfigError(ConfigErrorKind.ConversionError,
                        $"config '{name}' cannot become {typeof(T).Name}: it is {value.TypeName}, not a function", _locations.GetValueOrDefault(name)) { ConfigName = name });
            }
            if (typeof(T) != typeof(object) && TryDirect<T>(value, out var direct))
            {
                return direct;
            }
            var data = PlainOf(name, value);
            try
            {
                return (T)DataBinder.Bind(data, typeof(T), $"$.{name}")!;
            }
            catch (DataBindingException e)
            {
                throw new ConfigException(new ConfigError(ConfigErrorKind.ConversionError,
                    $"config '{name}' cannot become {typeof(T).Name}: {e.Message}", _locations.GetValueOrDefault(name)) { ConfigName = name });
            }
        });
    }

    /// <summary>All reported configs as one JSON object, keys in <see cref="Names"/> order.</summary>
    /// <exception cref="ConfigException">A value holds something JSON cannot represent; the error names its path.</exception>
    public string ToJson(bool indented = true) => JsonOutput.Write(ToPlainData(), indented);

    /// <summary>All reported configs as one YAML mapping.</summary>
    /// <exception cref="ConfigException">A value holds something YAML cannot represent.</exception>
    public string ToYaml()
    {
        try
        {
            return YamlOutput.Write(ToPlainData());
        }
        catch (UnrepresentableValueException e)
        {
            var name = Names.FirstOrDefault(n => e.Path.StartsWith(Paths.Member("$", n), StringComparison.Ordinal)) ?? "";
            throw Unrepresentable(name, e);
        }
    }

    /// <summary>All reported configs as plain data, in <see cref="Names"/> order.</summary>
    internal Dictionary<string, object?> ToPlainData() => _runtime.Run(() =>
    {
        var errors = new List<ConfigError>();
        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            try
            {
                data[name] = PlainOf(name, _values[name]);
            }
            catch (ConfigException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        return errors.Count == 0 ? data : throw new ConfigException(errors);
    });

    private object? PlainOf(string name, PyObject value)
    {
        try
        {
            return new PlainData(_runtime, _hostObjects).FromPython(value, Paths.Member("$", name));
        }
        catch (UnrepresentableValueException e)
        {
            throw Unrepresentable(name, e);
        }
    }

    private ConfigException Unrepresentable(string name, UnrepresentableValueException e) =>
        new(new ConfigError(ConfigErrorKind.UnrepresentableResult,
            $"config '{name}' returned a value the output cannot represent: {e.Path} is {Article(e.What)}", _locations.GetValueOrDefault(name))
        {
            ConfigName = name,
            Hint = "return plain data: dict, list, tuple, str, int, float, bool, None, dataclasses, enums, dates or host objects",
        });

    private static string Article(string what) =>
        what.StartsWith("a ", StringComparison.Ordinal) || what.StartsWith("an ", StringComparison.Ordinal) || what.StartsWith("a dict", StringComparison.Ordinal) || what.StartsWith("float", StringComparison.Ordinal) || what.StartsWith("nested", StringComparison.Ordinal)
            ? what
            : ("aeiou".Contains(what[0], StringComparison.Ordinal) ? "an " : "a ") + what;

    private static bool TryDirect<T>(PyObject value, out T direct)
    {
        var managed = value.ToManaged();
        if (DirectValues.TryConvert(managed, typeof(T), out var converted))
        {
            direct = (T)converted!;
            return true;
        }
        (managed as IDisposable)?.Dispose();
        direct = default!;
        return false;
    }

    private PyObject Value(string name)
    {
        if (_values.TryGetValue(name, out var value))
        {
            return value;
        }
        var suggestion = Suggestions.Nearest(name, _values.Keys);
        throw new KeyNotFoundException($"no config '{name}' was evaluated{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}");
    }

    /// <summary>Releases the Python objects (at the next GIL entry when this thread does not hold it).</summary>
    public void Dispose()
    {
        foreach (var value in _values.Values)
        {
            value.Dispose();
        }
        _values.Clear();
    }
}
