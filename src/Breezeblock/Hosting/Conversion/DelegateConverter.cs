using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// A delegate type (<c>Func&lt;Request, Response&gt;</c>): Python assigns any callable and .NET gets
/// a typed delegate that calls it; a .NET delegate read from Python is a callable.
/// </summary>
internal sealed class DelegateConverter(Type delegateType) : Converter
{
    public DelegateSignature Signature { get; } = DelegateSignature.Of(delegateType);

    public override string PythonType => Signature.PythonType;

    public override object? FromPython(PyArgument value, string what)
    {
        if (!value.IsCallable)
        {
            throw WrongType(what, "a callable", value);
        }
        return PythonDelegates.Create(delegateType, value.ToPyObject());
    }

    public override object? ToPython(object? value) => value switch
    {
        null => null,
        Delegate function when PythonDelegates.TryGetCallable(function, out var callable) => callable,
        Delegate function => HostFunction.Create(function.Method.Name, function),
        _ => value,
    };
}

/// <summary>The parameter and return converters of a delegate type.</summary>
internal sealed class DelegateSignature
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, DelegateSignature> s_cache = new();

    private DelegateSignature(Type delegateType)
    {
        var invoke = delegateType.GetMethod("Invoke") ?? throw new ArgumentException($"{delegateType.Name} is not a delegate type");
        var nullability = new System.Reflection.NullabilityInfoContext();
        Parameters = invoke.GetParameters().Select(p => Converter.For(p.ParameterType, nullability.Create(p).WriteState != System.Reflection.NullabilityState.NotNull)).ToList();
        Returns = invoke.ReturnType == typeof(void) ? null : Converter.For(invoke.ReturnType, nullability.Create(invoke.ReturnParameter).ReadState != System.Reflection.NullabilityState.NotNull);
        ReturnType = invoke.ReturnType;
        ParameterTypes = invoke.GetParameters().Select(p => p.ParameterType).ToList();
        if (invoke.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            throw new ArgumentException($"{delegateType.Name} has ref or out parameters, which Python cannot fill");
        }
    }

    public IReadOnlyList<Converter> Parameters { get; }

    public IReadOnlyList<Type> ParameterTypes { get; }

    public Converter? Returns { get; }

    public Type ReturnType { get; }

    public string PythonType => $"Callable[[{string.Join(", ", Parameters.Select(p => p.PythonType))}], {Returns?.PythonType ?? "None"}]";

    public static DelegateSignature Of(Type delegateType) => s_cache.GetOrAdd(delegateType, static t => new DelegateSignature(t));
}
