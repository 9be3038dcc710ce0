using System.Diagnostics.CodeAnalysis;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The results of an evaluation: each config's value, typed on request, with the evaluation's
/// <see cref="Report"/>, every config's <see cref="Provenance"/> and any <see cref="Warnings"/>.
/// Values stay Python objects until asked for, so a result can hold what JSON cannot (host objects,
/// callables); reading takes the GIL itself and works from any thread. Dispose releases the Python
/// objects. A result rebuilt from a snapshot (<see cref="FromSnapshotJson"/>) holds plain data instead.
/// </summary>
public sealed class ConfigResult : IDisposable
{
    private readonly PythonValues? _python;
    private readonly DataValues? _data;
    private readonly Lazy<IReadOnlyDictionary<string, ConfigProvenance>> _provenance;
    private readonly Func<string, SourceLocation?>? _locate;
    private int _disposed;

    // locate: where a config is defined, found without building every config's provenance (null: read it from the provenance).
    internal ConfigResult(
        IReadOnlyList<string> names,
        PythonValues? python,
        DataValues? data,
        Func<IReadOnlyDictionary<string, ConfigProvenance>> provenance,
        EvaluationReport report,
        IReadOnlyList<ConfigError> warnings,
        Func<string, SourceLocation?>? locate = null)
    {
        Names = names;
        _python = python;
        _data = data;
        _provenance = new Lazy<IReadOnlyDictionary<string, ConfigProvenance>>(provenance);
        _locate = locate;
        Report = report;
        Warnings = warnings.Select(w => w.AsWarning()).ToList(); // whatever made them, these did not stop the evaluation
    }

    /// <summary>The configs this result reports (all, or the targets), in definition order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>What the evaluation did: configs that ran and were reused, modules loaded, durations.</summary>
    public EvaluationReport Report { get; }

    /// <summary>For every config of the folder: its function, location and what each parameter resolved to.</summary>
    public IReadOnlyDictionary<string, ConfigProvenance> Provenance => _provenance.Value;

    /// <summary>Problems that did not stop the evaluation, such as an input no config uses (see <see cref="ConfigOptions.StrictInputs"/>).</summary>
    public IReadOnlyList<ConfigError> Warnings { get; }

    /// <summary>True when <paramref name="name"/> was evaluated (a target or something a target needed).</summary>
    public bool Contains(string name) => _python?.Contains(name) ?? _data!.Contains(name);

    /// <summary>
    /// The config's value as plain .NET data: null, bool, long, BigInteger, double, decimal, string,
    /// List&lt;object?&gt; and Dictionary&lt;string, object?&gt;. This is for the application, so secrets
    /// are their values here (text output writes markers for them).
    /// </summary>
    /// <exception cref="ConfigException">The value holds something plain data cannot (a function, an open file).</exception>
    public object? Get(string name) => Get(name, PlainDataStyle.Output);

    /// <summary>
    /// The config's value as plain .NET data, like <see cref="Get(string)"/>, in the given style:
    /// <see cref="PlainDataStyle.Binding"/> names host objects' properties as C# does and leaves out
    /// what plain data cannot hold, for binders such as IConfiguration's. A result rebuilt from a
    /// snapshot holds its data as it was written.
    /// </summary>
    /// <exception cref="ConfigException">With <see cref="PlainDataStyle.Output"/>, the value holds something plain data cannot.</exception>
    public object? Get(string name, PlainDataStyle style)
    {
        ArgumentNullException.ThrowIfNull(name);
        return SecretText.Reveal.ApplyAll(_python is not null ? _python.Plain(name, Location(name), style) : _data!.Plain(name));
    }

    /// <summary>
    /// Several configs' values as plain data, as <see cref="Get(string, PlainDataStyle)"/> gives each,
    /// converted together (one turn with Python for them all). With <see cref="PlainDataStyle.Binding"/>
    /// a config whose value plain data cannot hold at all (a function) is left out of the dictionary.
    /// </summary>
    /// <exception cref="KeyNotFoundException">A name was not evaluated.</exception>
    /// <exception cref="ConfigException">With <see cref="PlainDataStyle.Output"/>, values hold what plain data cannot; every such value is named.</exception>
    public IReadOnlyDictionary<string, object?> Get(IEnumerable<string> names, PlainDataStyle style)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = names.ToList();
        var values = _python is not null ? _python.PlainOf(list, Location, style) : _data!.PlainOf(list);
        if (SecretTable.Count > 0)
        {
            foreach (var name in list.Where(values.ContainsKey))
            {
                values[name] = SecretText.Reveal.ApplyAll(values[name]);
            }
        }
        return values;
    }

    /// <summary>
    /// The config's value as <typeparamref name="T"/>. A dict or dataclass binds to a class whose
    /// property names match its keys, ignoring case and underscores (<c>max_surge</c> → <c>MaxSurge</c>);
    /// <see cref="PyObject"/> gives the Python object itself.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No config of that name was evaluated.</exception>
    /// <exception cref="ConfigException">The value does not fit <typeparamref name="T"/>.</exception>
    [RequiresUnreferencedCode(Messages.BindingNeedsReflection)]
    [RequiresDynamicCode(Messages.BindingNeedsReflection)]
    public T Get<T>(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _python is not null ? _python.Get<T>(name, Location(name)) : _data!.Get<T>(name, Location(name));
    }

    /// <summary>All reported configs as one JSON object, keys in <see cref="Names"/> order; secrets as <paramref name="secrets"/> says (default: <see cref="SecretOutput.Redacted"/>).</summary>
    /// <exception cref="ConfigException">A value holds something JSON cannot represent; the error names its path.</exception>
    public string ToJson(bool indented = true, SecretOutput? secrets = null) => JsonOutput.Write(Text(secrets).ApplyAll(ToPlainData()), indented);

    /// <summary>
    /// Writes <see cref="ToJson(bool, SecretOutput?)"/> and a newline to <paramref name="destination"/> as UTF-8 (what
    /// the command prints), without holding the whole result as .NET data or text: each config's value
    /// is converted as it is written. The bytes reach the destination only when every value could be
    /// written, so a value JSON cannot represent leaves the destination untouched. Secrets as
    /// <paramref name="secrets"/> says (default: <see cref="SecretOutput.Redacted"/>); revealed ones are
    /// kept in memory until written, never in a temporary file.
    /// </summary>
    /// <exception cref="ConfigException">Values hold something JSON cannot represent; every such value is named.</exception>
    public void WriteJson(Stream destination, bool indented = true, SecretOutput? secrets = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var handling = Text(secrets);
        using var spool = handling.Reveals && SecretTable.Count > 0 ? new SpooledBytes(int.MaxValue) : new SpooledBytes();
        var errors = new List<ConfigError>();
        using (var text = new StreamWriter(spool, Utf8NoMark, bufferSize: 16 * 1024, leaveOpen: true))
        {
            if (_python is not null)
            {
                _python.WriteJson(text, Names, Location, errors, indented, handling);
            }
            else
            {
                JsonOutput.Write(text, _data!.PlainEach(Names).Select(p => KeyValuePair.Create(p.Key, handling.ApplyAll(p.Value))), indented);
            }
            text.Write('\n');
        }
        if (errors.Count > 0)
        {
            throw new ConfigException(errors);
        }
        spool.CopyOut(destination);
    }

    private static readonly System.Text.UTF8Encoding Utf8NoMark = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>All reported configs as one YAML mapping; secrets as <paramref name="secrets"/> says (default: <see cref="SecretOutput.Redacted"/>).</summary>
    /// <exception cref="ConfigException">A value holds something YAML cannot represent.</exception>
    public string ToYaml(SecretOutput? secrets = null)
    {
        try
        {
            return YamlOutput.Write(Text(secrets).ApplyAll(ToPlainData()));
        }
        catch (UnrepresentableValueException e)
        {
            var name = Names.FirstOrDefault(n => e.Path.StartsWith(Paths.Member("$", n), StringComparison.Ordinal)) ?? "";
            throw new ConfigException(ResultErrors.Unrepresentable(name, e, Location(name)));
        }
    }

    /// <summary>One config's value as JSON, as it appears under its name in <see cref="ToJson(bool, SecretOutput?)"/>.</summary>
    /// <exception cref="KeyNotFoundException">No config of that name was evaluated.</exception>
    /// <exception cref="ConfigException">The value holds something JSON cannot represent; the error names its path.</exception>
    public string ToJson(string name, bool indented = true, SecretOutput? secrets = null) => JsonOutput.Write(Text(secrets).ApplyAll(Plain(name)), indented);

    /// <summary>One config's value as YAML.</summary>
    /// <exception cref="KeyNotFoundException">No config of that name was evaluated.</exception>
    /// <exception cref="ConfigException">The value holds something YAML cannot represent.</exception>
    public string ToYaml(string name, SecretOutput? secrets = null)
    {
        var value = Text(secrets).ApplyAll(Plain(name));
        try
        {
            return YamlOutput.Write(value);
        }
        catch (UnrepresentableValueException e)
        {
            throw new ConfigException(ResultErrors.Unrepresentable(name, e, Location(name)));
        }
    }

    /// <summary>
    /// The whole result as plain JSON: names, values (those JSON can hold), provenance, report and
    /// warnings. <see cref="FromSnapshotJson"/> rebuilds it, in another process if need be.
    /// Secrets are written as markers, so a snapshot never holds their values.
    /// </summary>
    /// <exception cref="ConfigException">A reported config's value holds something JSON cannot represent.</exception>
    public string ToSnapshotJson() => ResultSnapshot.Write(this, SecretText.Redact.ApplyAll(AllPlain()) as Dictionary<string, object?> ?? [], secrets: null);

    /// <summary>
    /// The snapshot that carries the result to another process of this program (a worker's to its
    /// host): secrets keep their placeholders, and the snapshot holds their values for the other
    /// process to adopt. It travels over a pipe and is never written out.
    /// </summary>
    internal string ToSnapshotJsonWithSecrets()
    {
        var data = AllPlain();
        return ResultSnapshot.Write(this, data, SecretTable.TokensIn(data));
    }

    private Dictionary<string, object?> AllPlain() => _python is not null ? _python.PlainAll(Names, Location) : _data!.All();


    /// <summary>
    /// A result rebuilt from <see cref="ToSnapshotJson"/>. It holds plain data: <see cref="Get{T}"/>
    /// binds it to .NET types as usual, but cannot give Python objects or delegates.
    /// </summary>
    /// <exception cref="FormatException">The text is not a result snapshot.</exception>
    public static ConfigResult FromSnapshotJson(string json) => ResultSnapshot.Read(json);

    // One config as plain data, placeholders as they are.
    private object? Plain(string name) => _python is not null ? _python.Plain(name, Location(name), PlainDataStyle.Output) : _data!.Plain(name);

    private static SecretText Text(SecretOutput? secrets) => (secrets ?? SecretOutput.Redacted).Text;

    /// <summary>All reported configs as plain data, in <see cref="Names"/> order, placeholders as they are.</summary>
    internal Dictionary<string, object?> ToPlainData() =>
        _python is not null ? _python.PlainOf(Names, Location) : _data!.PlainOf(Names);

    private SourceLocation? Location(string name) =>
        _locate is not null ? _locate(name) : Provenance.TryGetValue(name, out var provenance) ? provenance.Location : null;

    /// <summary>Releases the Python objects (at the next GIL entry when this thread does not hold it).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _python?.Dispose();
        }
    }

    /// <summary>Another result over the same values (for the workspace to keep): each is disposed on its own.</summary>
    internal ConfigResult Share() =>
        new(Names, _python?.Share(), _data, () => Provenance, Report, Warnings, _locate);
}
