using Breezeblock.Python;

namespace Breezeblock.Cli;

/// <summary>
/// An error as people read it on a terminal: the <c>error: file:line:col: message</c> header, a code
/// frame with a caret under the spot, the traceback through the user's files (identical frames of a
/// recursion collapsed), what the engine adds, and the hint. Words come from the engine's errors;
/// this only lays them out.
/// </summary>
internal static class ErrorText
{
    public static string Render(ConfigError error, Style style, string label = "error")
    {
        var lines = new List<string> { Header(error, style, label) };
        var details = error.Details.ToList();
        if (error.Kind == ConfigErrorKind.SyntaxError && error.Location is { } syntax)
        {
            var frame = CodeFrame.Render(syntax.Path, syntax.Line, syntax.Column, syntax.EndColumn, underlineWhenUnknown: false, style);
            if (frame.Count > 0)
            {
                lines.AddRange(frame);
                details.Clear(); // the engine's stripped line and caret, which the frame replaces
            }
        }
        else if (error.Frames.Count > 0)
        {
            var innermost = error.Frames[0];
            var frame = CodeFrame.Render(innermost.Location.Path, innermost.Location.Line, innermost.Column, innermost.EndColumn, underlineWhenUnknown: true, style);
            lines.AddRange(frame);
            if (frame.Count > 0 && innermost.SourceLine is { } source && details.Count > 0 && details[0].EndsWith(": " + source, StringComparison.Ordinal))
            {
                details[0] = details[0][..^(source.Length + 2)]; // shown in the frame above
            }
        }
        else if (error.Location is { Line: > 0 } location)
        {
            lines.AddRange(CodeFrame.Render(location.Path, location.Line, location.Column, location.EndColumn, underlineWhenUnknown: false, style));
        }
        lines.AddRange(details.Select(detail => "  " + detail));
        if (error.Hint is { } hint)
        {
            lines.Add("  " + style.Hint("hint:") + " " + hint);
        }
        return string.Join('\n', lines);
    }

    /// <summary>Every error, a blank line between two, then the note on configs that did not run.</summary>
    public static string Render(IReadOnlyList<ConfigError> errors, IReadOnlyCollection<string> skipped, Style style)
    {
        var text = string.Join("\n\n", errors.Select(e => Render(e, style)));
        return skipped.Count == 0 ? text : text + "\n\n" + Note(ErrorFormatter.SkippedNote(skipped), style);
    }

    private static string Header(ConfigError error, Style style, string label)
    {
        var prefix = label == "warning" ? style.Warning("warning:") : style.Error("error:");
        return error.Location is { } location
            ? $"{prefix} {style.Bold(location + ":")} {error.Message}"
            : $"{prefix} {error.Message}";
    }

    // "note: ..." with the label in bold.
    private static string Note(string note, Style style) =>
        note.StartsWith("note:", StringComparison.Ordinal) ? style.Bold("note:") + note["note:".Length..] : note;
}
