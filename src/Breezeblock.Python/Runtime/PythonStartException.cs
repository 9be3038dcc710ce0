namespace Breezeblock.Python;

/// <summary>Python was found but could not be started, or a different Python already runs in this process.</summary>
public sealed class PythonStartException : Exception
{
    internal PythonStartException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
