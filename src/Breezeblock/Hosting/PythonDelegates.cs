using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Python callables as typed .NET delegates, the extension half: the application keeps a delegate
/// and calls it later, from any thread, any number of times. Each call takes the GIL (on a Python
/// worker thread when the caller's stack is small), converts the arguments, calls the function and
/// converts the result; a Python exception surfaces as <see cref="PythonException"/>.
/// </summary>
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal static class PythonDelegates
{
    private static readonly ConditionalWeakTable<Delegate, PyObject> s_callables = new();
    private static readonly MethodInfo InvokeMethod = typeof(Invoker).GetMethod(nameof(Invoker.Invoke))!;

    /// <summary>A delegate of <paramref name="delegateType"/> that calls <paramref name="callable"/> (owned by the delegate from now on).</summary>
    public static Delegate Create(Type delegateType, PyObject callable)
    {
        var signature = DelegateSignature.Of(delegateType);
        var invoker = new Invoker(callable, signature);
        var parameters = signature.ParameterTypes.Select(Expression.Parameter).ToList();
        var arguments = Expression.NewArrayInit(typeof(object), parameters.Select(p => Expression.Convert(p, typeof(object))));
        Expression body = Expression.Call(Expression.Constant(invoker), InvokeMethod, arguments);
        body = signature.ReturnType == typeof(void) ? body : Expression.Convert(body, signature.ReturnType);
        var function = Expression.Lambda(delegateType, body, parameters).Compile();
        s_callables.Add(function, callable);
        return function;
    }

    /// <summary>The Python callable behind a delegate made by <see cref="Create"/> (a new reference).</summary>
    public static bool TryGetCallable(Delegate function, out PyObject? callable)
    {
        if (s_callables.TryGetValue(function, out var owned))
        {
            callable = owned.NewReference();
            return true;
        }
        callable = null;
        return false;
    }

    /// <summary>Holds the callable and the conversions; what the compiled delegate calls.</summary>
    public sealed class Invoker(PyObject callable, DelegateSignature signature)
    {
        public object? Invoke(object?[] arguments) => PythonRuntime.Current.Run(() =>
        {
            var converted = new object?[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                converted[i] = signature.Parameters[i].ToPython(arguments[i]);
            }
            using var result = callable.Call(converted);
            return signature.Returns?.FromPython(result.AsArgument(), Messages.ReturnValue);
        });
    }
}
