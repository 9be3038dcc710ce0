using System.Collections.Concurrent;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// Which .NET types have a Python class (<see cref="PyClass"/>), so that the general conversions
/// wrap such objects on the way in and unwrap them on the way out.
/// </summary>
internal static class PyClassRegistry
{
    private static readonly ConcurrentDictionary<Type, PyClass> s_byDotnetType = new();
    private static readonly ConcurrentDictionary<nint, PyClass> s_byPythonType = new();

    public static void Register(PyClass pyClass)
    {
        s_byDotnetType[pyClass.DotnetType] = pyClass;
        s_byPythonType[pyClass.TypeHandle] = pyClass;
    }

    public static PyClass? ForDotnetType(Type type) => s_byDotnetType.GetValueOrDefault(type);

    /// <summary>The class whose Python type object is <paramref name="type"/>.</summary>
    public static PyClass? ForPythonType(nint type) => s_byPythonType.GetValueOrDefault(type);

    /// <summary>The class of a Python object when it is one of ours.</summary>
    public static PyClass? ForPythonObject(nint o) =>
        s_byPythonType.IsEmpty ? null : s_byPythonType.GetValueOrDefault(CApi.Py_TYPE(o));

    /// <summary>New reference wrapping <paramref name="value"/> when its type has a Python class.</summary>
    public static bool TryWrap(object value, out nint wrapped)
    {
        if (!s_byDotnetType.IsEmpty && s_byDotnetType.TryGetValue(value.GetType(), out var pyClass))
        {
            wrapped = pyClass.WrapRaw(value);
            return true;
        }
        wrapped = 0;
        return false;
    }

    /// <summary>The .NET object inside a Python object of one of our classes.</summary>
    public static bool TryUnwrap(nint o, out object? target)
    {
        if (ForPythonObject(o) is not null)
        {
            target = PyClass.TargetOf(o);
            return true;
        }
        target = null;
        return false;
    }
}
