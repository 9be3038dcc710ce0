using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Breezeblock;

/// <summary>
/// Host functions across the process boundary: the host runs the function its worker's config code
/// called (arguments bound from plain data to the parameters' types, the result turned back into
/// plain data), and the worker raises what the function threw.
/// </summary>
internal static class HostCalls
{
    /// <summary>
    /// In an isolated worker: runs a host function in the host (module, function, arguments, return
    /// type), since the function itself lives there. Null elsewhere: host functions run where they are.
    /// </summary>
    internal static Func<string, string, object?[], Type, object?>? Forwarder { get; set; }

    /// <summary>Runs the call a worker asked for; the answer to send back.</summary>
    [RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
    [RequiresDynamicCode(Messages.HostTypesNeedReflection)]
    public static Dictionary<string, object?> Answer(IReadOnlyList<HostModuleBuilder> modules, DataFields call, PlainData plain)
    {
        var module = call.String("module");
        var name = call.String("function");
        try
        {
            var function = modules.Where(m => m.Name == module).SelectMany(m => m.Functions).FirstOrDefault(f => f.Name == name).Function
                ?? throw new InvalidOperationException(Messages.NoSuchHostFunction(module, name));
            var parameters = function.GetType().GetMethod("Invoke")!.GetParameters();
            SecretTable.AdoptAll(call.Raw("secrets"));
            var given = (List<object?>)PlainJson.Untag(call.List("arguments"))!;
            var arguments = parameters.Select((p, i) => DataBinder.Bind(given[i], p.ParameterType, $"argument {i + 1}")).ToArray();
            object? result;
            try
            {
                result = function.DynamicInvoke(arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
            return WorkerMessages.Return(plain.FromDotnetValue(result, "$"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return WorkerMessages.Raise(e);
        }
    }

    /// <summary>The exception a host function threw, rebuilt in the worker so that Python raises the same kind (KeyError for KeyNotFoundException, ...).</summary>
    public static Exception Rebuild(string? type, string message) => type switch
    {
        "System.Collections.Generic.KeyNotFoundException" => new KeyNotFoundException(message),
        "System.ArgumentException" or "System.ArgumentNullException" or "System.ArgumentOutOfRangeException" => new ArgumentException(message),
        "System.FormatException" => new FormatException(message),
        "System.NotSupportedException" => new NotSupportedException(message),
        "System.UnauthorizedAccessException" => new UnauthorizedAccessException(message),
        "System.IO.FileNotFoundException" => new FileNotFoundException(message),
        _ => new InvalidOperationException(message),
    };
}
