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

    /// <summary>The error for a configure function that raised.</summary>
    public static ConfigError FromEvaluation(PythonException exception, ConfigFunction function, SourceFolder folder) =>
        Translate(exception, folder, function.Location, Messages.WhileRunning(function.Name, function.Location), ConfigErrorKind.EvaluationError, function.Name);

    private static ConfigError Translate(PythonException exception, SourceFolder folder, SourceLocation fallback, string context, ConfigErrorKind kind, string? configName)
    {
        if (exception.SyntaxError is { } syntax && (folder.Contains(syntax.FileName) || File.Exists(syntax.FileName)))
        {
            return new ConfigError(ConfigErrorKind.SyntaxError, Messages.PythonError(exception.PythonType, exception.PythonMessage), folder.Locate(syntax.FileName, syntax.Line, syntax.Column))
            {
                ConfigName = configName,
                Details = SourceWithCaret(syntax.Text, syntax.Column),
                PythonException = exception,
            };
        }
        var frames = exception.Traceback
            .Where(f => folder.Contains(f.FileName))
            .Reverse()
            .Select(f => new ErrorFrame(folder.Locate(f.FileName, f.Line), f.Function, f.SourceLine))
            .ToList();
        var details = frames
            .Select(f => $"{f.Location} in {f.Function}{(f.SourceLine is null ? "" : ": " + f.SourceLine)}")
            .Append(context)
            .ToList();
        return new ConfigError(kind, Messages.PythonError(exception.PythonType, exception.PythonMessage), frames.Count > 0 ? frames[0].Location : fallback)
        {
            ConfigName = configName,
            Details = details,
            Frames = frames,
            Hint = HintFor(exception),
            PythonException = exception,
        };
    }

    private static string? HintFor(PythonException exception) => exception.PythonType switch
    {
        "NameError" when exception.PythonMessage.Contains("'configure'", StringComparison.Ordinal) => Messages.ForgotImportHint,
        "ModuleNotFoundError" when exception.PythonMessage.Contains("'breezeblock", StringComparison.Ordinal) => Messages.BreezeblockImportHint,
        "TypeError" or "AttributeError" or "dataclasses.FrozenInstanceError" when Messages.IsFrozen(exception.PythonMessage) => Messages.FrozenHint,
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
