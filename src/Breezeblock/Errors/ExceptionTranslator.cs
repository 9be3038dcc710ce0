using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Turns a Python exception raised by user code into a <see cref="ConfigError"/>: syntax errors point
/// at the line and column with a caret; other exceptions at the innermost line of the user's files,
/// with the traceback reduced to those files, most recent call first.
/// </summary>
internal static class ExceptionTranslator
{
    /// <summary>The error for a module that raised while being imported; null when it only re-reports another module's failure.</summary>
    public static ConfigError? FromImport(PythonException exception, SourceModule module, SourceFolder folder)
    {
        if (exception.PythonType == LoaderModule.DependencyFailedType)
        {
            return null;
        }
        return Translate(exception, folder, folder.Locate(module.Path, 1), Messages.WhileImporting(module.RelativePath), ConfigErrorKind.ImportError, null);
    }

    /// <summary>
    /// The error for a configure function that raised. <paramref name="returnedNone"/> are the configs
    /// it received that returned None: an error about NoneType then asks whether they forgot to return.
    /// </summary>
    public static ConfigError FromEvaluation(PythonException exception, ConfigFunction function, SourceFolder folder, IReadOnlyList<ConfigFunction>? returnedNone = null)
    {
        var error = Translate(exception, folder, function.Location, Messages.WhileRunning(function.Name, function.Location), ConfigErrorKind.EvaluationError, function.Name);
        return returnedNone is { Count: > 0 } && exception.PythonType is "TypeError" or "AttributeError" && exception.PythonMessage.Contains("NoneType", StringComparison.Ordinal)
            ? error.WithHint(Messages.ReturnedNone(returnedNone.Select(f => (f.Name, f.Location)).ToList()))
            : error;
    }

    /// <summary>
    /// The error for a check that failed: an assertion (<paramref name="assertion"/>, when an <c>assert</c>
    /// statement raised it, with its parts' values) or any other exception, with what the check received.
    /// </summary>
    public static ConfigError FromCheck(PythonException exception, ConfigFunction check, SourceFolder folder, string? config, AssertionFailure? assertion, IReadOnlyList<string> received)
    {
        var what = exception.PythonType != "AssertionError" ? Messages.PythonError(exception.PythonType, exception.PythonMessage)
            : assertion is { HasMessage: false } || exception.PythonMessage.Length == 0 ? Messages.FailedAssertion(assertion?.Source ?? "")
            : exception.PythonMessage;
        List<string> lines = [.. assertion?.Parts.Select(p => Messages.AssertedValue(p.Part, p.Value)) ?? [], .. received.Count > 0 ? [Messages.CheckReceived(received)] : Array.Empty<string>()];
        return Translate(exception, folder, check.Location, Messages.WhileChecking(check.Name, check.Location), ConfigErrorKind.CheckFailed, config,
            Messages.CheckFailed(check.Name, config, what), lines, check.Name);
    }

    /// <summary>
    /// The error for an evaluation stopped at its deadline: at the line the interrupted code was
    /// running (innermost first, like any traceback), or without a place when it stopped in between.
    /// </summary>
    public static ConfigError FromStop(PythonException? exception, SourceFolder folder, string? context, string? configName, TimeSpan limit)
    {
        if (exception is null)
        {
            return new ConfigError(ConfigErrorKind.Timeout, Messages.StoppedBetween(context, limit), null) { ConfigName = configName, Hint = Messages.TimeoutHint };
        }
        var message = Messages.StoppedAtDeadline(configName, context, limit);
        var error = Translate(exception, folder, null, context ?? "", ConfigErrorKind.Timeout, configName, message);
        return error;
    }

    private static ConfigError Translate(PythonException exception, SourceFolder folder, SourceLocation? fallback, string context, ConfigErrorKind kind, string? configName, string? message = null,
        IReadOnlyList<string>? notes = null, string? checkName = null)
    {
        if (exception.SyntaxError is { } syntax && (folder.Contains(syntax.FileName) || File.Exists(syntax.FileName)))
        {
            return new ConfigError(ConfigErrorKind.SyntaxError, Messages.PythonError(exception.PythonType, exception.PythonMessage), folder.Locate(syntax.FileName, syntax.Line, syntax.Column) with { EndColumn = syntax.EndColumn })
            {
                ConfigName = configName,
                Details = SourceWithCaret(syntax.Text, syntax.Column),
                PythonException = exception,
            };
        }
        var frames = Collapse(exception.Traceback
            .Where(f => folder.Contains(f.FileName))
            .Reverse()
            .Select(f => new ErrorFrame(folder.Locate(f.FileName, f.Line), f.Function, f.SourceLine) { Column = f.Column, EndColumn = f.EndColumn }));
        if (frames.Count > 0 && exception.Traceback is [.., var innermost] && folder.Contains(innermost.FileName)
            && ArgumentLocator.Find(innermost, exception.PythonMessage) is var (line, column, sourceLine))
        {
            // raised by the call itself (a host type or function), about one keyword argument: at that argument
            frames[0] = new ErrorFrame(folder.Locate(innermost.FileName, line, column), frames[0].Function, sourceLine) { Column = column, EndColumn = 0 };
        }
        var details = new List<string>(frames.Count + 2);
        foreach (var frame in frames)
        {
            details.Add(Messages.TracebackFrame(frame));
            if (frame.Repeated > 0)
            {
                details.Add(Messages.FrameRepeated(frame.Repeated));
            }
        }
        details.AddRange(notes ?? []);
        if (context.Length > 0)
        {
            details.Add(context);
        }
        if (exception.PythonType == "breezeblock.HermeticError" && kind is ConfigErrorKind.EvaluationError or ConfigErrorKind.ImportError)
        {
            kind = ConfigErrorKind.HermeticViolation;
            message = exception.PythonMessage;
        }
        return new ConfigError(kind, message ?? Messages.PythonError(exception.PythonType, exception.PythonMessage), frames.Count > 0 ? frames[0].Location : fallback)
        {
            ConfigName = configName,
            CheckName = checkName,
            Details = details,
            Frames = frames,
            Hint = kind switch
            {
                ConfigErrorKind.Timeout => Messages.TimeoutHint,
                ConfigErrorKind.HermeticViolation => Messages.HermeticHint,
                _ => HintFor(exception),
            },
            PythonException = exception,
        };
    }

    // A run of identical frames (a recursion) keeps its first three, the third counting the rest, as Python's own tracebacks do.
    private static List<ErrorFrame> Collapse(IEnumerable<ErrorFrame> frames)
    {
        const int Kept = 3;
        var collapsed = new List<ErrorFrame>();
        var run = 0;
        foreach (var frame in frames)
        {
            var same = collapsed.Count > 0 && SameLine(collapsed[^1], frame);
            run = same ? run + 1 : 1;
            if (run <= Kept)
            {
                collapsed.Add(frame);
            }
            else
            {
                collapsed[^1] = collapsed[^1] with { Repeated = collapsed[^1].Repeated + 1 };
            }
        }
        return collapsed;
    }

    private static bool SameLine(ErrorFrame a, ErrorFrame b) =>
        a.Location.Path == b.Location.Path && a.Location.Line == b.Location.Line && a.Function == b.Function;

    private static string? HintFor(PythonException exception) => exception.PythonType switch
    {
        "NameError" when exception.PythonMessage.Contains("'configure'", StringComparison.Ordinal) => Messages.ForgotImportHint,
        "ModuleNotFoundError" when exception.PythonMessage.Contains("'breezeblock", StringComparison.Ordinal) => Messages.BreezeblockImportHint,
        "TypeError" or "AttributeError" or "dataclasses.FrozenInstanceError" when Messages.IsFrozen(exception.PythonMessage) => Messages.FrozenHint,
        "RecursionError" => Messages.RecursionHint(PythonRuntime.Current.RecursionLimitCap),
        _ => null,
    };

    private static List<string> SourceWithCaret(string? text, int column)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var stripped = text.TrimStart();
        var indent = text.Length - stripped.Length;
        var lines = new List<string> { stripped };
        if (column > indent)
        {
            lines.Add(new string(' ', column - indent - 1) + "^");
        }
        return lines;
    }
}
