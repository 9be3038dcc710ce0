using System.Runtime.CompilerServices;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// What every trampoline does around its body: mark that this thread runs .NET code under the GIL
/// Python holds, and turn any .NET exception into the pending Python exception plus CPython's
/// failure value (NULL or -1). The body is a managed function pointer, so nothing is allocated.
/// </summary>
internal static unsafe class CallbackGuard
{
    /// <summary>For slots returning a new reference: NULL on failure.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint Reference<TState>(TState state, delegate*<TState, nint> body)
    {
        Gil.EnterCallback();
        try
        {
            return body(state);
        }
        catch (Exception e)
        {
            RaiseSafely(e);
            return 0;
        }
        finally
        {
            Gil.ExitCallback();
        }
    }

    /// <summary>For slots returning a status or a size: -1 on failure.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TResult Status<TState, TResult>(TState state, delegate*<TState, TResult> body)
        where TResult : System.Numerics.INumber<TResult>
    {
        Gil.EnterCallback();
        try
        {
            return body(state);
        }
        catch (Exception e)
        {
            RaiseSafely(e);
            return -TResult.One;
        }
        finally
        {
            Gil.ExitCallback();
        }
    }

    /// <summary>
    /// Makes <paramref name="exception"/> the pending Python exception, never throwing: an exception
    /// that escaped an <c>[UnmanagedCallersOnly]</c> trampoline would end the process. If raising it
    /// fails in .NET (its message cannot be read, memory runs out), a fixed RuntimeError is raised instead.
    /// </summary>
    internal static void RaiseSafely(Exception exception)
    {
        try
        {
            PythonErrors.Raise(exception);
        }
        catch (Exception)
        {
            fixed (byte* text = "a .NET exception was thrown and could not be raised in Python"u8)
            {
                CApi.PyErr_SetString(CApi.PyExc_RuntimeError, text);
            }
        }
    }
}
