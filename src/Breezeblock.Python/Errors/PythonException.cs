using System.Text;

namespace Breezeblock.Python;

/// <summary>
/// A Python exception that reached .NET. Once it leaves the code holding the GIL it holds only .NET
/// data (type name, message, frames), so it can be caught, logged and kept without keeping any Python
/// object alive (not the traceback's frames, nor their locals).
/// </summary>
public sealed class PythonException : Exception
{
    internal PythonException(
        string pythonType,
        string pythonMessage,
        IReadOnlyList<PythonStackFrame> traceback,
        PythonSyntaxErrorDetails? syntaxError,
        Exception? innerException)
        : base(Compose(pythonType, pythonMessage), innerException)
    {
        PythonType = pythonType;
        PythonMessage = pythonMessage;
        Traceback = traceback;
        SyntaxError = syntaxError;
    }

    /// <summary>The exception's type: <c>ValueError</c> for builtins, else qualified (<c>json.decoder.JSONDecodeError</c>).</summary>
    public string PythonType { get; }

    /// <summary><c>str(exception)</c>; for a <c>SyntaxError</c>, its <c>msg</c>.</summary>
    public string PythonMessage { get; }

    /// <summary>The traceback, outermost call first and the raising frame last, as Python prints it.</summary>
    public IReadOnlyList<PythonStackFrame> Traceback { get; }

    /// <summary>Where the source failed to parse, for <c>SyntaxError</c> and its subclasses.</summary>
    public PythonSyntaxErrorDetails? SyntaxError { get; }

    /// <summary>
    /// The Python exception object, kept while the exception may pass back into Python through a
    /// callback, to be re-raised as itself: until it is, or until the outermost GIL scope of the
    /// thread that fetched it ends (<see cref="PythonErrors.ReleaseInFlight"/>). Never used without the GIL.
    /// </summary>
    internal PyObject? Original { get; set; }

    /// <summary>Lets go of <see cref="Original"/>; the GIL is held.</summary>
    internal void ReleaseOriginal()
    {
        var original = Original;
        Original = null;
        original?.Dispose();
    }

    /// <summary>The traceback in Python's own format.</summary>
    public string FormatTraceback()
    {
        var text = new StringBuilder();
        if (Traceback.Count > 0)
        {
            text.AppendLine("Traceback (most recent call last):");
            foreach (var frame in Traceback)
            {
                text.AppendLine($"  File \"{frame.FileName}\", line {frame.Line}, in {frame.Function}");
                if (!string.IsNullOrEmpty(frame.SourceLine))
                {
                    text.AppendLine($"    {frame.SourceLine}");
                }
            }
        }
        if (SyntaxError is { } syntax)
        {
            text.AppendLine($"  File \"{syntax.FileName}\", line {syntax.Line}");
            if (syntax.Text is { } source)
            {
                text.AppendLine($"    {source}");
                if (syntax.Column > 0)
                {
                    text.AppendLine($"    {new string(' ', syntax.Column - 1)}^");
                }
            }
        }
        text.Append(Message);
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => FormatTraceback();

    private static string Compose(string type, string message) =>
        message.Length == 0 ? type : $"{type}: {message}";
}

/// <summary>One frame of a Python traceback.</summary>
/// <param name="FileName">The code object's file name, as compiled (usually the path of the .py file).</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Function">The function name, or <c>&lt;module&gt;</c>.</param>
/// <param name="SourceLine">The stripped source line when it could be read, else null.</param>
public sealed record PythonStackFrame(string FileName, int Line, string Function, string? SourceLine)
{
    /// <summary>1-based character column where the failing expression starts on <see cref="Line"/>; 0 when unknown (always before Python 3.11).</summary>
    public int Column { get; init; }

    /// <summary>1-based character column just past the failing expression on <see cref="Line"/>; 0 when unknown.</summary>
    public int EndColumn { get; init; }

    /// <summary>The line the failing expression ends on (a call over several lines ends below <see cref="Line"/>); 0 when unknown.</summary>
    public int EndLine { get; init; }
}

/// <summary>Where a <c>SyntaxError</c> points.</summary>
/// <param name="FileName">The file name the source was compiled with.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column of the error, 0 when unknown.</param>
/// <param name="Text">The offending source line without its line break, when known.</param>
public sealed record PythonSyntaxErrorDetails(string FileName, int Line, int Column, string? Text)
{
    /// <summary>1-based column just past the offending text on <see cref="Line"/>, when Python (3.10+) says; else 0.</summary>
    public int EndColumn { get; init; }
}
