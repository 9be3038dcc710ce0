namespace Breezeblock;

/// <summary>
/// Errors as plain data and back, for JSON: one flat object per error (kind, severity, message, file, path,
/// line, column, end_column, config, check, hint, details, frames; each frame with file, path, line, column, end_column,
/// function, source and repeated), so a program reading <c>--error-format json</c> or
/// a worker's pipe needs no nesting to find where an error is.
/// </summary>
internal static class ErrorData
{
    public static Dictionary<string, object?> ToData(ConfigError error)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["kind"] = error.Kind.ToString(),
            ["severity"] = error.Severity == ConfigErrorSeverity.Warning ? "warning" : "error",
            ["message"] = error.Message,
        };
        AddLocation(data, error.Location);
        if (error.Location is { Column: 0 } location && error.Frames is [var innermost, ..] && innermost.Location.Path == location.Path && innermost.Location.Line == location.Line)
        {
            data["column"] = (long)innermost.Column; // the error is where its innermost frame is: say where on the line, when Python says
            data["end_column"] = (long)innermost.EndColumn;
        }
        data["config"] = error.ConfigName;
        data["check"] = error.CheckName;
        data["hint"] = error.Hint;
        data["parameter"] = error.Parameter;
        data["suggestion"] = error.Suggestion;
        data["input"] = error.Input;
        data["details"] = error.Details.Cast<object?>().ToList();
        data["frames"] = error.Frames.Select(f =>
        {
            var frame = new Dictionary<string, object?>(StringComparer.Ordinal);
            AddLocation(frame, f.Location);
            frame["column"] = (long)f.Column;
            frame["end_column"] = (long)f.EndColumn;
            frame["function"] = f.Function;
            frame["source"] = f.SourceLine;
            frame["repeated"] = (long)f.Repeated;
            return (object?)frame;
        }).ToList();
        return data;
    }

    public static Dictionary<string, object?> ToData(ConfigException exception) => new(StringComparer.Ordinal)
    {
        ["errors"] = exception.Errors.Select(e => (object?)ToData(e)).ToList(),
        ["skipped"] = exception.Skipped.Cast<object?>().ToList(),
        ["skipped_checks"] = exception.SkippedChecks.Cast<object?>().ToList(),
        ["checks_passed"] = exception.ChecksPassed.Cast<object?>().ToList(),
    };

    public static ConfigError Error(object? data)
    {
        var fields = new DataFields(data, "error");
        var frames = fields.List("frames").Select(item =>
        {
            var frame = new DataFields(item, "error frame");
            var location = Location(frame) ?? throw new FormatException(Messages.BadSnapshot("error frame", "'file' is missing"));
            return new ErrorFrame(location with { Column = 0, EndColumn = 0 }, frame.String("function"), frame.Optional("source"))
            {
                Column = location.Column,
                EndColumn = frame.Int("end_column"),
                Repeated = frame.Int("repeated"),
            };
        }).ToList();
        var at = Location(fields);
        if (at is not null && frames is [var innermost, ..] && innermost.Location.Path == at.Path && innermost.Location.Line == at.Line)
        {
            at = at with { Column = 0, EndColumn = 0 }; // the column written is the frame's: the error itself keeps its line, as it was made
        }
        return new ConfigError(fields.Enum<ConfigErrorKind>("kind"), fields.String("message"), at)
        {
            Severity = fields.Optional("severity") == "warning" ? ConfigErrorSeverity.Warning : ConfigErrorSeverity.Error,
            ConfigName = fields.Optional("config"),
            CheckName = fields.Optional("check"),
            Hint = fields.Optional("hint"),
            Parameter = fields.Optional("parameter"),
            Suggestion = fields.Optional("suggestion"),
            Input = fields.Optional("input"),
            Details = fields.Strings("details"),
            Frames = frames,
        };
    }

    public static ConfigException Exception(object? data)
    {
        var fields = new DataFields(data, "errors");
        var errors = fields.List("errors").Select(Error).ToList();
        return errors.Count > 0
            ? new ConfigException(errors, fields.Strings("skipped")) { SkippedChecks = fields.Strings("skipped_checks"), ChecksPassed = fields.Strings("checks_passed") }
            : throw new FormatException(Messages.BadSnapshot("errors", "'errors' is empty"));
    }

    /// <summary>Adds file (as shown), path (absolute), line, column and end column; all null without a location.</summary>
    public static void AddLocation(Dictionary<string, object?> data, SourceLocation? location)
    {
        data["file"] = location?.DisplayPath;
        data["path"] = location?.Path;
        data["line"] = location is null ? null : (long)location.Line;
        data["column"] = location is null ? null : (long)location.Column;
        data["end_column"] = location is null ? null : (long)location.EndColumn;
    }

    public static SourceLocation? Location(DataFields fields) =>
        fields.Optional("file") is { } file
            ? new SourceLocation(fields.Optional("path") ?? file, file, fields.Int("line"), fields.Int("column")) { EndColumn = fields.Int("end_column") }
            : null;
}
