using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// A .NET delegate as a Python function: positional or keyword arguments (keywords by the
/// parameter's snake_case name), defaults for optional parameters, conversions as for host types.
/// An exception the delegate throws is raised in Python at the calling line.
/// </summary>
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal sealed class HostFunction
{
    private readonly string _name;
    private readonly Delegate _function;
    private readonly List<HostParameterModel> _parameters;
    private readonly Converter? _returns;

    private HostFunction(string name, Delegate function)
    {
        _name = name;
        _function = function;
        var method = function.Method;
        var nullability = new NullabilityInfoContext();
        // A lambda compiled to a static method of a closure type may take the closure first: skip it.
        var parameters = function.GetType().GetMethod("Invoke")!.GetParameters();
        var named = method.GetParameters();
        var offset = named.Length - parameters.Length;
        _parameters = parameters.Select((p, i) =>
        {
            var declared = named[i + offset];
            if (p.ParameterType.IsByRef)
            {
                throw new ArgumentException(Messages.HostFunctionByReference(name, declared.Name!));
            }
            return new HostParameterModel(declared, PythonNames.Of(declared), Converter.For(nullability.Create(declared)));
        }).ToList();
        _returns = method.ReturnType == typeof(void) ? null : ReturnConverter(method, nullability.Create(method.ReturnParameter));
    }

    /// <summary>
    /// A lambda whose result type is inferred (<c>(string key) =&gt; vault[key]</c>) has no nullable
    /// annotation on its result: the C# compiler records none. It is taken as the lambda's author
    /// wrote it, not null, so that its stub is not <c>Optional</c>; an oblivious method of a library
    /// returns Optional as its members do.
    /// </summary>
    [RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
    [RequiresDynamicCode(Messages.HostTypesNeedReflection)]
    private static Converter ReturnConverter(MethodInfo method, NullabilityInfo info) =>
        info.ReadState == NullabilityState.Unknown && method.Name.StartsWith('<')
            ? Converter.For(info.Type, nullable: false)
            : Converter.For(info);

    public string Name => _name;

    public IReadOnlyList<HostParameterModel> Parameters => _parameters;

    public Converter? Returns => _returns;

    /// <summary>The converters of the parameters and the result.</summary>
    public IEnumerable<Converter> Converters() => _parameters.Select(p => p.Converter).Concat(_returns is null ? [] : [_returns]);

    /// <summary>Checks now (no Python needed) that every parameter and the result have a Python form.</summary>
    public static HostFunction Validate(string name, Delegate function)
    {
        try
        {
            return new HostFunction(name, function);
        }
        catch (ArgumentException e) when (!e.Message.StartsWith(Messages.HostFunctionPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException(Messages.HostFunctionNotBridged(name, e.Message), e);
        }
    }

    /// <summary>The Python function (GIL needed).</summary>
    public static PyObject Create(string name, Delegate function, string? module = null) =>
        Validate(name, function).ToPython(module);

    public PyObject ToPython(string? module)
    {
        _module = module ?? "";
        return PyFunction.Create(_name, Call, Signature(), module);
    }

    private string _module = "";

    /// <summary>The .NET function itself, for a host answering its worker's call.</summary>
    internal Delegate Function => _function;

    private object? Call(PyArguments args)
    {
        var values = new object?[_parameters.Count];
        var given = new bool[_parameters.Count];
        if (args.PositionalCount > _parameters.Count)
        {
            throw PythonErrorException.TypeError(Messages.TooManyPositional(_name, _parameters.Count, args.PositionalCount));
        }
        for (var i = 0; i < args.PositionalCount; i++)
        {
            values[i] = _parameters[i].Converter.FromPython(args[i], _parameters[i].PythonName);
            given[i] = true;
        }
        for (var k = 0; k < args.KeywordCount; k++)
        {
            var keyword = args.KeywordName(k);
            var index = IndexOf(keyword);
            if (index < 0)
            {
                var suggestion = Suggestions.Nearest(keyword, _parameters.Select(p => p.PythonName));
                throw PythonErrorException.TypeError(Messages.UnexpectedKeyword(_name, keyword, suggestion));
            }
            if (given[index])
            {
                throw PythonErrorException.TypeError(Messages.MultipleValues(_name, keyword));
            }
            values[index] = _parameters[index].Converter.FromPython(args.KeywordValue(k), keyword);
            given[index] = true;
        }
        for (var i = 0; i < _parameters.Count; i++)
        {
            if (given[i])
            {
                continue;
            }
            var parameter = _parameters[i].Parameter;
            values[i] = parameter.HasDefaultValue ? parameter.DefaultValue
                : throw PythonErrorException.TypeError(Messages.MissingArgument(_name, _parameters[i].PythonName));
        }
        object? result;
        try
        {
            result = HostCalls.Forwarder is { } forward ? forward(_module, _name, values, _function.Method.ReturnType) : _function.DynamicInvoke(values);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        return _returns is null ? null : _returns.ToPython(result);
    }

    private int IndexOf(string keyword)
    {
        for (var i = 0; i < _parameters.Count; i++)
        {
            if (_parameters[i].PythonName == keyword || _parameters[i].Parameter.Name == keyword)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The Python signature line, as the docstring: <c>secret(key: str) -> str</c>.</summary>
    public string Signature() =>
        $"{_name}({string.Join(", ", _parameters.Select(p => $"{p.PythonName}: {p.Converter.AcceptedType}{(p.Parameter.HasDefaultValue ? " = ..." : "")}"))}) -> {_returns?.PythonType ?? "None"}";
}
