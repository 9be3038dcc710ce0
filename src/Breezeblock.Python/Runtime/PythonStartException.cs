namespace Breezeblock.Python;

/// <summary>Python was found but could not be started, or a different Python already runs in this process.</summary>
public sealed class PythonStartException : Exception
{
    /// <summary>A start failure described by <paramref name="message"/> (a host that starts Python elsewhere, such as in a worker process, reports its failures with it too).</summary>
    public PythonStartException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
