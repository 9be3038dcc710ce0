using System.Diagnostics.CodeAnalysis;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// A delegate type (<c>Func&lt;Request, Response&gt;</c>): Python assigns any callable and .NET gets
/// a typed delegate that calls it; a .NET delegate read from Python is a callable.
/// </summary>
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal sealed class DelegateConverter(Type delegateType, System.Reflection.NullabilityInfo? info = null) : Converter
{
    public DelegateSignature Signature { get; } = DelegateSignature.Of(delegateType, info);

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
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal sealed class DelegateSignature
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, DelegateSignature> s_cache = new();

    // For Func<...> and Action<...> the annotations of the type arguments (Func<string?, int>) say
    // which parameters may be None; for other delegate types the Invoke method's own annotations do.
    private DelegateSignature(Type delegateType, System.Reflection.NullabilityInfo? info)
    {
        var invoke = delegateType.GetMethod("Invoke") ?? throw new ArgumentException(Messages.NotADelegateType(delegateType.Name));
        var nullability = new System.Reflection.NullabilityInfoContext();
        var generic = delegateType.IsGenericType && (delegateType.Namespace == "System") ? info?.GenericTypeArguments : null;
        var parameters = invoke.GetParameters();
        Parameters = parameters.Select((p, i) => generic is { } g && i < g.Length ? Converter.For(g[i]) : Converter.For(nullability.Create(p))).ToList();
        var returnInfo = generic is { } r && invoke.ReturnType != typeof(void) && r.Length == parameters.Length + 1 ? r[^1] : null;
        Returns = invoke.ReturnType == typeof(void) ? null : returnInfo is not null ? Converter.For(returnInfo) : Converter.For(nullability.Create(invoke.ReturnParameter));
        ReturnType = invoke.ReturnType;
        ParameterTypes = invoke.GetParameters().Select(p => p.ParameterType).ToList();
        if (invoke.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            throw new ArgumentException(Messages.DelegateByReference(delegateType.Name));
        }
    }

    public IReadOnlyList<Converter> Parameters { get; }

    public IReadOnlyList<Type> ParameterTypes { get; }

    public Converter? Returns { get; }

    public Type ReturnType { get; }

    public string PythonType => $"Callable[[{string.Join(", ", Parameters.Select(p => p.PythonType))}], {Returns?.AcceptedType ?? "None"}]";

    public static DelegateSignature Of(Type delegateType, System.Reflection.NullabilityInfo? info = null) =>
        info is null ? s_cache.GetOrAdd(delegateType, static t => new DelegateSignature(t, null)) : new DelegateSignature(delegateType, info);
}
