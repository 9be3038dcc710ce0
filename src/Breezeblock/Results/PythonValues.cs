using System.Diagnostics.CodeAnalysis;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// A result's values as the Python objects the configs returned (one reference each, owned here).
/// Several results may share them (an evaluation's result and the workspace's last good result):
/// the references are released when the last of them lets go.
/// </summary>
internal sealed class PythonValues(PythonRuntime runtime, Dictionary<string, PyObject> values, IHostObjectRenderer? hostObjects) : IDisposable
{
    private int _owners = 1;

    /// <summary>One more owner; each calls <see cref="Dispose"/> once.</summary>
    public PythonValues Share()
    {
        Interlocked.Increment(ref _owners);
        return this;
    }

    public bool Contains(string name) => values.ContainsKey(name);

    [RequiresUnreferencedCode(Messages.BindingNeedsReflection)]
    [RequiresDynamicCode(Messages.BindingNeedsReflection)]
    public T Get<T>(string name, SourceLocation? location)
    {
        var value = Value(name);
        return runtime.Run(() =>
        {
            if (typeof(T) == typeof(PyObject))
            {
                return (T)(object)value.NewReference();
            }
            if (typeof(Delegate).IsAssignableFrom(typeof(T)))
            {
                return value.IsCallable
                    ? (T)(object)PythonDelegates.Create(typeof(T), value.NewReference())
                    : throw new ConfigException(new ConfigError(ConfigErrorKind.ConversionError, Messages.NotAFunction(name, typeof(T).Name, value.TypeName), location) { ConfigName = name });
            }
            if (typeof(T) != typeof(object) && TryDirect<T>(value, out var direct))
            {
                return direct;
            }
            return ResultErrors.Bind<T>(name, Plain(name, value, location), location);
        });
    }

    /// <summary>
    /// The named configs as plain data, converted in one go on Python's side. In <see cref="PlainDataStyle.Output"/>,
    /// every value that cannot be represented is reported together; in <see cref="PlainDataStyle.Binding"/> such a config is left out.
    /// </summary>
    public Dictionary<string, object?> PlainOf(IEnumerable<string> names, Func<string, SourceLocation?> locate, PlainDataStyle style = PlainDataStyle.Output) => runtime.Run(() =>
    {
        var errors = new List<ConfigError>();
        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            try
            {
                data[name] = Plain(name, Value(name), locate, style);
            }
            catch (ConfigException e) when (style == PlainDataStyle.Output)
            {
                errors.AddRange(e.Errors);
            }
            catch (ConfigException)
            {
                // binding leaves out what plain data cannot hold: the config as a whole, here
            }
        }
        return errors.Count == 0 ? data : throw new ConfigException(errors);
    });

    /// <summary>
    /// Writes the named configs as one JSON object, converting each value as it is written (with the
    /// GIL held throughout), so that no more than one config's plain data exists at a time. A value
    /// that cannot be represented adds its errors to <paramref name="errors"/> and is written as null.
    /// </summary>
    public void WriteJson(TextWriter text, IEnumerable<string> names, Func<string, SourceLocation?> locate, List<ConfigError> errors, bool indented, SecretText secrets) =>
        runtime.Run(() =>
        {
            var indent = indented ? 0 : -1;
            var inner = indented ? 2 : -1;
            var first = true;
            text.Write('{');
            foreach (var name in names)
            {
                JsonOutput.WriteKey(text, name, first, inner);
                first = false;
                var value = values[name];
                if (PythonJson.CanWrite(value.AsArgument(), secrets))
                {
                    PythonJson.Write(text, value.AsArgument(), inner); // the usual result: no plain data made
                    continue;
                }
                object? data = null;
                try
                {
                    data = Plain(name, value, locate);
                }
                catch (ConfigException e)
                {
                    errors.AddRange(e.Errors);
                }
                JsonOutput.Write(text, secrets.ApplyAll(data), inner);
            }
            JsonOutput.Close(text, '}', first, indent);
        });

    /// <summary>Every evaluated config that plain data can hold; the reported ones must all be representable.</summary>
    public Dictionary<string, object?> PlainAll(IReadOnlyList<string> reported, Func<string, SourceLocation?> locate)
    {
        var data = PlainOf(reported, locate);
        runtime.Run(() =>
        {
            foreach (var (name, value) in values)
            {
                if (!data.ContainsKey(name))
                {
                    try
                    {
                        data[name] = Plain(name, value, locate);
                    }
                    catch (ConfigException)
                    {
                        // a dependency only the application reads (a callable, say) does not travel
                    }
                }
            }
        });
        return data;
    }

    /// <summary>One config as plain data in the given style.</summary>
    public object? Plain(string name, SourceLocation? location, PlainDataStyle style)
    {
        var value = Value(name);
        return runtime.Run(() => Plain(name, value, location, style));
    }

    private object? Plain(string name, PyObject value, SourceLocation? location, PlainDataStyle style = PlainDataStyle.Output) =>
        Plain(name, value, _ => location, style);

    // The location is looked up only for an error.
    private object? Plain(string name, PyObject value, Func<string, SourceLocation?> locate, PlainDataStyle style = PlainDataStyle.Output)
    {
        var binding = style == PlainDataStyle.Binding;
        var renderer = hostObjects is not null && binding ? HostObjectRenderer.DotnetNames : hostObjects;
        try
        {
            return new PlainData(runtime, renderer, leaveOutUnrepresentable: binding).FromPython(value, Paths.Member("$", name));
        }
        catch (UnrepresentableValueException e)
        {
            throw new ConfigException(ResultErrors.Unrepresentable(name, e, locate(name)));
        }
    }

    [RequiresUnreferencedCode(Messages.BindingNeedsReflection)]
    [RequiresDynamicCode(Messages.BindingNeedsReflection)]
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

    private PyObject Value(string name) =>
        values.TryGetValue(name, out var value) ? value : throw ResultErrors.NotEvaluated(name, values.Keys);

    public void Dispose()
    {
        if (Interlocked.Decrement(ref _owners) != 0)
        {
            return;
        }
        foreach (var value in values.Values)
        {
            value.Dispose();
        }
        values.Clear();
    }
}
