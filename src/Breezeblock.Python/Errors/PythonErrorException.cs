namespace Breezeblock.Python;

/// <summary>
/// Thrown by .NET code called from Python to raise a specific Python exception type
/// (<c>throw PythonErrorException.TypeError("replicas: expected int, got str")</c>).
/// Other .NET exceptions are mapped by their type.
/// </summary>
public sealed class PythonErrorException : Exception
{
    private PythonErrorException(string pythonType, string message)
        : base(message)
    {
        PythonType = pythonType;
    }

    /// <summary>The builtin exception type to raise: <c>TypeError</c>, <c>ValueError</c>, ...</summary>
    public string PythonType { get; }

    /// <summary>Raises <c>TypeError</c>.</summary>
    public static PythonErrorException TypeError(string message) => new("TypeError", message);

    /// <summary>Raises <c>ValueError</c>.</summary>
    public static PythonErrorException ValueError(string message) => new("ValueError", message);

    /// <summary>Raises <c>AttributeError</c>.</summary>
    public static PythonErrorException AttributeError(string message) => new("AttributeError", message);

    /// <summary>Raises <c>KeyError</c>.</summary>
    public static PythonErrorException KeyError(string message) => new("KeyError", message);

    /// <summary>Raises <c>IndexError</c>.</summary>
    public static PythonErrorException IndexError(string message) => new("IndexError", message);

    /// <summary>Raises <c>RuntimeError</c>.</summary>
    public static PythonErrorException RuntimeError(string message) => new("RuntimeError", message);
}
