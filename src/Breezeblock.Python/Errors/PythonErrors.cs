using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// Moves exceptions across the boundary: the pending Python exception into a
/// <see cref="PythonException"/>, and a .NET exception into a pending Python exception.
/// Fetching never throws and always leaves the error indicator clear.
/// </summary>
internal static unsafe class PythonErrors
{
    private const int MaxChainDepth = 8;
    private static nint s_getline;

    /// <summary>Takes the pending Python exception (the GIL must be held).</summary>
    public static PythonException Fetch()
    {
        nint type, value, traceback;
        CApi.PyErr_Fetch(&type, &value, &traceback);
        if (type == 0)
        {
            return new PythonException("SystemError", "a Python API call failed without setting an exception", [], null, null);
        }
        CApi.PyErr_NormalizeException(&type, &value, &traceback);
        if (value != 0)
        {
            // The traceback pending is the one that counts, even none: import trims its own frames off
            // what is pending, and the exception object may still hold the longer one it was raised with.
            CApi.PyException_SetTraceback(value, traceback != 0 ? traceback : CApi.Py_None);
        }
        try
        {
            if (value == 0)
            {
                return new PythonException(TypeName(type), "", [], null, null);
            }
            var exception = Describe(value, depth: 0);
            exception.Original = PyObject.Steal(value);
            value = 0;
            (t_inFlight ??= []).Add(exception);
            return exception;
        }
        finally
        {
            CApi.Py_DecRef(type);
            if (value != 0)
            {
                CApi.Py_DecRef(value);
            }
            if (traceback != 0)
            {
                CApi.Py_DecRef(traceback);
            }
            CApi.PyErr_Clear();
        }
    }

    // Exceptions fetched on this thread whose Python object is still kept: an exception passing back
    // into Python through a callback is raised as itself, but once the outermost GIL scope ends it
    // cannot, and the object would only keep its traceback's frames and their locals alive.
    [ThreadStatic]
    private static List<PythonException>? t_inFlight;

    /// <summary>Lets go of the Python objects of the exceptions fetched on this thread (the GIL is held: its outermost scope ends).</summary>
    public static void ReleaseInFlight()
    {
        var inFlight = t_inFlight;
        if (inFlight is not { Count: > 0 })
        {
            return;
        }
        foreach (var exception in inFlight)
        {
            exception.ReleaseOriginal();
        }
        inFlight.Clear();
    }

    /// <summary>Sets the Python error indicator from a .NET exception thrown inside a callback.</summary>
    public static void Raise(Exception exception)
    {
        if (exception is PythonException { Original: { } original } raised && original.IsAlive)
        {
            var value = original.Handle;
            var type = CApi.Py_TYPE(value);
            CApi.Py_IncRef(type);
            CApi.Py_IncRef(value);
            CApi.PyErr_Restore(type, value, CApi.PyException_GetTraceback(value));
            raised.ReleaseOriginal(); // Python has it again; the .NET exception goes on with its .NET data only
            return;
        }
        var pythonType = PythonTypeFor(exception);
        var message = exception is PythonException python ? python.Message : MessageFor(exception, pythonType);
        nint text = 0, instance = 0, capsule = 0;
        try
        {
            text = PyStrings.FromString(message);
            instance = CApi.PyObject_VectorcallDict(pythonType, &text, 1, 0);
            if (instance == 0)
            {
                return; // constructing the exception failed; that error is now pending instead
            }
            capsule = HandleCapsule.Create(exception);
            fixed (byte* name = "__dotnet_exception__"u8)
            {
                if (CApi.PyObject_SetAttrString(instance, name, capsule) != 0)
                {
                    CApi.PyErr_Clear(); // the exception type refuses attributes; raise it without the link back
                }
            }
            CApi.PyErr_SetObject(pythonType, instance);
        }
        catch (PythonException)
        {
            fixed (byte* fallback = PyStrings.Utf8Z(message))
            {
                CApi.PyErr_SetString(CApi.PyExc_RuntimeError, fallback); // copies the text
            }
        }
        finally
        {
            DecRefAll(text, instance, capsule);
        }
    }

    /// <summary>Sets a pending Python exception of the given type with a message.</summary>
    public static void Set(nint pythonType, string message)
    {
        var text = PyStrings.FromString(message);
        CApi.PyErr_SetObject(pythonType, text);
        CApi.Py_DecRef(text);
    }

    private static nint PythonTypeFor(Exception exception) => exception switch
    {
        PythonErrorException raised => raised.PythonType switch
        {
            "TypeError" => CApi.PyExc_TypeError,
            "ValueError" => CApi.PyExc_ValueError,
            "AttributeError" => CApi.PyExc_AttributeError,
            "KeyError" => CApi.PyExc_KeyError,
            "IndexError" => CApi.PyExc_IndexError,
            _ => CApi.PyExc_RuntimeError,
        },
        PythonException => CApi.PyExc_RuntimeError,
        MissingMemberException => CApi.PyExc_AttributeError,
        KeyNotFoundException => CApi.PyExc_KeyError,
        IndexOutOfRangeException => CApi.PyExc_IndexError,
        ArgumentException => CApi.PyExc_ValueError,
        FormatException => CApi.PyExc_ValueError,
        InvalidCastException => CApi.PyExc_TypeError,
        OverflowException => CApi.PyExc_OverflowError,
        DivideByZeroException => CApi.PyExc_ZeroDivisionError,
        NotImplementedException => CApi.PyExc_NotImplementedError,
        NotSupportedException => CApi.PyExc_NotImplementedError,
        TimeoutException => CApi.PyExc_TimeoutError,
        FileNotFoundException => CApi.PyExc_FileNotFoundError,
        DirectoryNotFoundException => CApi.PyExc_FileNotFoundError,
        UnauthorizedAccessException => CApi.PyExc_PermissionError,
        IOException => CApi.PyExc_OSError,
        OutOfMemoryException => CApi.PyExc_MemoryError,
        _ => CApi.PyExc_RuntimeError,
    };

    // Types mapped to a specific Python type keep their message; the rest say which .NET type failed.
    private static string MessageFor(Exception exception, nint pythonType) =>
        pythonType == CApi.PyExc_RuntimeError && exception is not PythonErrorException
            ? $"{exception.GetType().Name}: {exception.Message}"
            : exception.Message;

    private static PythonException Describe(nint value, int depth)
    {
        var type = CApi.Py_TYPE(value);
        var typeName = TypeName(type);
        PythonSyntaxErrorDetails? syntax = null;
        string message;
        if (CApi.PyType_IsSubtype(type, CApi.PyExc_SyntaxError) != 0)
        {
            syntax = SyntaxDetails(value);
            message = StringAttribute(value, "msg") ?? SafeStr(value);
        }
        else
        {
            message = SafeStr(value);
        }
        var frames = Frames(value);
        var inner = AttachedDotnetException(value) ?? (depth < MaxChainDepth ? Chained(value, depth) : null);
        return new PythonException(typeName, message, frames, syntax, inner);
    }

    private static PythonException? Chained(nint value, int depth)
    {
        var cause = CApi.PyException_GetCause(value);
        if (cause == 0)
        {
            var suppress = LongAttribute(value, "__suppress_context__");
            if (suppress is null or 0)
            {
                cause = CApi.PyException_GetContext(value);
            }
        }
        if (cause == 0)
        {
            return null;
        }
        try
        {
            return Describe(cause, depth + 1);
        }
        finally
        {
            CApi.Py_DecRef(cause);
        }
    }

    private static Exception? AttachedDotnetException(nint value)
    {
        fixed (byte* name = "__dotnet_exception__"u8)
        {
            if (CApi.PyObject_HasAttrString(value, name) == 0)
            {
                return null;
            }
            var capsule = CApi.PyObject_GetAttrString(value, name);
            if (capsule == 0)
            {
                CApi.PyErr_Clear();
                return null;
            }
            var target = HandleCapsule.Target(capsule) as Exception;
            CApi.Py_DecRef(capsule);
            return target;
        }
    }

    private static List<PythonStackFrame> Frames(nint value)
    {
        var frames = new List<PythonStackFrame>();
        var traceback = CApi.PyException_GetTraceback(value);
        while (traceback != 0 && traceback != CApi.Py_None)
        {
            var line = (int)(LongAttribute(traceback, "tb_lineno") ?? 0);
            var frame = Attribute(traceback, "tb_frame");
            var code = frame == 0 ? 0 : Attribute(frame, "f_code");
            var fileName = (code == 0 ? null : StringAttribute(code, "co_filename")) ?? "<unknown>";
            var function = (code == 0 ? null : StringAttribute(code, "co_name")) ?? "<unknown>";
            var raw = RawSourceLine(fileName, line);
            var (column, endColumn, endLine) = code == 0 || raw is null ? (0, 0, 0) : Span(traceback, code, line, raw);
            frames.Add(new PythonStackFrame(fileName, line, function, raw?.Trim() is { Length: > 0 } text ? text : null) { Column = column, EndColumn = endColumn, EndLine = endLine });
            DecRefAll(code, frame);
            var next = Attribute(traceback, "tb_next");
            CApi.Py_DecRef(traceback);
            traceback = next;
        }
        if (traceback != 0)
        {
            CApi.Py_DecRef(traceback);
        }
        return frames;
    }

    private static PythonSyntaxErrorDetails SyntaxDetails(nint value)
    {
        var fileName = StringAttribute(value, "filename") ?? "<unknown>";
        var line = (int)(LongAttribute(value, "lineno") ?? 0);
        var column = (int)(LongAttribute(value, "offset") ?? 0);
        var text = StringAttribute(value, "text")?.TrimEnd('\r', '\n');
        var endLine = LongAttribute(value, "end_lineno");
        var endColumn = endLine == line ? (int)(LongAttribute(value, "end_offset") ?? 0) : 0;
        return new PythonSyntaxErrorDetails(fileName, line, column, text) { EndColumn = endColumn > column ? endColumn : 0 };
    }

    // Where on its line the frame's instruction is, as 1-based character columns (end exclusive; the
    // line's end when the expression goes on), and the line it ends on, when Python (3.11+) knows; zeros otherwise.
    private static (int Column, int EndColumn, int EndLine) Span(nint traceback, nint code, int line, string raw)
    {
        if (CApi.PyCode_Addr2Location == null || LongAttribute(traceback, "tb_lasti") is not { } lasti || lasti < 0)
        {
            return (0, 0, 0);
        }
        int startLine, startColumn, endLine, endColumn;
        if (CApi.PyCode_Addr2Location(code, (int)lasti, &startLine, &startColumn, &endLine, &endColumn) == 0 || startLine != line || startColumn < 0)
        {
            return (0, 0, 0);
        }
        var start = CharacterColumn(raw, startColumn);
        var end = endLine == line && endColumn > startColumn ? CharacterColumn(raw, endColumn) : raw.TrimEnd().Length;
        return end > start ? (start + 1, end + 1, endLine >= line ? endLine : line) : (0, 0, 0);
    }

    // Python's columns count UTF-8 bytes; the line's characters are what a caret lines up with.
    private static int CharacterColumn(string line, int byteOffset)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(line);
        return byteOffset >= bytes.Length ? line.Length : System.Text.Encoding.UTF8.GetCharCount(bytes, 0, byteOffset);
    }

    /// <summary>The source line from <c>linecache</c>, stripped, or null.</summary>
    public static string? SourceLine(string fileName, int line) => RawSourceLine(fileName, line)?.Trim() is { Length: > 0 } text ? text : null;

    // The line as written, without its line break, or null.
    private static string? RawSourceLine(string fileName, int line)
    {
        if (line <= 0)
        {
            return null;
        }
        if (s_getline == 0)
        {
            fixed (byte* name = "linecache"u8)
            {
                var module = CApi.PyImport_ImportModule(name);
                if (module == 0)
                {
                    CApi.PyErr_Clear();
                    return null;
                }
                s_getline = Attribute(module, "getline");
                CApi.Py_DecRef(module);
                if (s_getline == 0)
                {
                    return null;
                }
            }
        }
        nint file = 0, number = 0, result = 0;
        try
        {
            file = PyStrings.FromString(fileName);
            number = CApi.PyLong_FromLongLong(line);
            var args = stackalloc nint[] { file, number };
            result = CApi.PyObject_VectorcallDict(s_getline, args, 2, 0);
            if (result == 0)
            {
                CApi.PyErr_Clear();
                return null;
            }
            var text = PyStrings.ToString(result).TrimEnd('\r', '\n');
            return text.Length == 0 ? null : text;
        }
        catch (PythonException)
        {
            return null;
        }
        finally
        {
            DecRefAll(file, number, result);
        }
    }

    /// <summary><c>ValueError</c> for builtins, <c>module.QualName</c> otherwise.</summary>
    public static string TypeName(nint type)
    {
        var name = StringAttribute(type, "__qualname__") ?? "<unknown>";
        var module = StringAttribute(type, "__module__");
        return module is null or "builtins" or "__main__" ? name : $"{module}.{name}";
    }

    private static string SafeStr(nint value)
    {
        var str = CApi.PyObject_Str(value);
        if (str == 0)
        {
            CApi.PyErr_Clear();
            return "<str() of the exception failed>";
        }
        try
        {
            return PyStrings.ToString(str);
        }
        catch (PythonException)
        {
            return "<str() of the exception failed>";
        }
        finally
        {
            CApi.Py_DecRef(str);
        }
    }

    private static nint Attribute(nint o, string name)
    {
        var utf8 = PyStrings.Utf8Z(name);
        fixed (byte* p = utf8)
        {
            var result = CApi.PyObject_GetAttrString(o, p);
            if (result == 0)
            {
                CApi.PyErr_Clear();
            }
            return result;
        }
    }

    private static string? StringAttribute(nint o, string name)
    {
        var attribute = Attribute(o, name);
        if (attribute == 0)
        {
            return null;
        }
        try
        {
            return CApi.IsInstanceOf(attribute, CApi.PyUnicode_Type) ? PyStrings.ToString(attribute) : null;
        }
        catch (PythonException)
        {
            return null;
        }
        finally
        {
            CApi.Py_DecRef(attribute);
        }
    }

    private static long? LongAttribute(nint o, string name)
    {
        var attribute = Attribute(o, name);
        if (attribute == 0)
        {
            return null;
        }
        try
        {
            if (!CApi.IsInstanceOf(attribute, CApi.PyLong_Type))
            {
                return null;
            }
            int overflow;
            var result = CApi.PyLong_AsLongLongAndOverflow(attribute, &overflow);
            CApi.PyErr_Clear();
            return overflow == 0 ? result : null;
        }
        finally
        {
            CApi.Py_DecRef(attribute);
        }
    }

    private static void DecRefAll(params ReadOnlySpan<nint> references)
    {
        foreach (var reference in references)
        {
            if (reference != 0)
            {
                CApi.Py_DecRef(reference);
            }
        }
    }
}
