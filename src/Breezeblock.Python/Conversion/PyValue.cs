using System.Runtime.CompilerServices;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// Typed conversions without boxing for the common value types; the JIT keeps only the branch for
/// <typeparamref name="T"/>. Other types go through <see cref="PyValues"/>.
/// </summary>
internal static unsafe class PyValue<T>
{
    /// <summary>New reference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint ToPython(T value)
    {
        if (typeof(T) == typeof(long))
        {
            return Check.NotNull(CApi.PyLong_FromLongLong(Unsafe.As<T, long>(ref value)));
        }
        if (typeof(T) == typeof(int))
        {
            return Check.NotNull(CApi.PyLong_FromLongLong(Unsafe.As<T, int>(ref value)));
        }
        if (typeof(T) == typeof(double))
        {
            return Check.NotNull(CApi.PyFloat_FromDouble(Unsafe.As<T, double>(ref value)));
        }
        if (typeof(T) == typeof(bool))
        {
            return CApi.NewRef(Unsafe.As<T, bool>(ref value) ? CApi.Py_True : CApi.Py_False);
        }
        if (typeof(T) == typeof(string))
        {
            return value is string text ? PyStrings.FromString(text) : CApi.NewRef(CApi.Py_None);
        }
        return PyValues.FromManaged(value);
    }

    /// <summary>The value of a borrowed reference; throws <see cref="InvalidCastException"/> naming both types.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T FromPython(nint o)
    {
        if (typeof(T) == typeof(long))
        {
            var value = PyNumbers.ToInt64(o);
            return Unsafe.As<long, T>(ref value);
        }
        if (typeof(T) == typeof(int))
        {
            var value = checked((int)PyNumbers.ToInt64(o));
            return Unsafe.As<int, T>(ref value);
        }
        if (typeof(T) == typeof(double))
        {
            var value = PyNumbers.ToDouble(o);
            return Unsafe.As<double, T>(ref value);
        }
        if (typeof(T) == typeof(bool))
        {
            if (CApi.Py_TYPE(o) != CApi.PyBool_Type)
            {
                throw PyValues.WrongType("bool", o);
            }
            var value = o == CApi.Py_True;
            return Unsafe.As<bool, T>(ref value);
        }
        if (typeof(T) == typeof(string))
        {
            if (o == CApi.Py_None)
            {
                return default!;
            }
            if (!CApi.IsInstanceOf(o, CApi.PyUnicode_Type))
            {
                throw PyValues.WrongType("str", o);
            }
            return (T)(object)PyStrings.ToString(o);
        }
        if (typeof(T) == typeof(PyObject))
        {
            return (T)(object)PyObject.Borrow(o);
        }
        return Convert(o);
    }

    private static T Convert(nint o)
    {
        var value = PyValues.ToManaged(o);
        if (value is T typed)
        {
            return typed;
        }
        if (value is null && default(T) is null)
        {
            return default!;
        }
        (value as IDisposable)?.Dispose();
        throw PyValues.WrongType(typeof(T).Name, o);
    }
}
