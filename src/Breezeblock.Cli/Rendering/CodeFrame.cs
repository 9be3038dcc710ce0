namespace Breezeblock.Cli;

/// <summary>
/// The source line an error is about, numbered, with a caret (or a run of them) under the spot:
/// <code>
///   |
/// 5 | def web(databse):
///   |         ^^^^^^^
/// </code>
/// Tabs are shown as four spaces, the caret kept under the same character; a line longer than 160
/// characters is shown around the caret.
/// </summary>
internal static class CodeFrame
{
    private const int TabWidth = 4;

    /// <summary>
    /// The frame's lines, or none when the file cannot be read. <paramref name="column"/> and
    /// <paramref name="endColumn"/> are 1-based (end exclusive); with no column the line is shown
    /// without a caret, or underlined whole when <paramref name="underlineWhenUnknown"/>.
    /// </summary>
    public static List<string> Render(string path, int line, int column, int endColumn, bool underlineWhenUnknown, Style style)
    {
        var text = ReadLine(path, line);
        if (text is null)
        {
            return [];
        }
        (text, column, endColumn) = Window(text, column, endColumn);
        var shown = Expand(text, text.Length);
        var number = line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length + 1);
        var lines = new List<string>
        {
            style.Gutter(gutter + "|"),
            style.Gutter(number + " |") + " " + shown,
        };
        var (start, end) = Span(text, column, endColumn, underlineWhenUnknown);
        if (start >= 0)
        {
            var before = Expand(text, start).Length;
            var width = Math.Max(1, Expand(text, end).Length - before);
            lines.Add(style.Gutter(gutter + "|") + " " + new string(' ', before) + style.Marker(new string('^', width)));
        }
        return lines;
    }

    private const int MaxWidth = 160;

    // A very long line (generated code, a 200,000-deep expression) is shown around its caret, cut with "…".
    private static (string Text, int Column, int EndColumn) Window(string text, int column, int endColumn)
    {
        if (text.Length <= MaxWidth)
        {
            return (text, column, endColumn);
        }
        var start = column > 0 ? Math.Clamp(column - 1 - MaxWidth / 3, 0, text.Length - MaxWidth) : 0;
        var shown = string.Concat(start > 0 ? "…" : "", text.AsSpan(start, MaxWidth), start + MaxWidth < text.Length ? "…" : "");
        var shift = start > 0 ? start - 1 : 0;
        return (shown, column > 0 ? column - shift : 0, endColumn > 0 ? Math.Min(endColumn - shift, shown.Length + 1) : 0);
    }

    // 0-based [start, end) in the line's characters, or (-1, -1) for no caret.
    private static (int Start, int End) Span(string text, int column, int endColumn, bool underlineWhenUnknown)
    {
        if (column > 0)
        {
            var start = Math.Min(column - 1, text.Length);
            var end = endColumn > column ? Math.Min(endColumn - 1, text.Length) : start + 1;
            return (start, Math.Max(end, start + 1));
        }
        if (!underlineWhenUnknown)
        {
            return (-1, -1);
        }
        var trimmed = text.TrimEnd();
        var first = trimmed.Length - trimmed.TrimStart().Length;
        return trimmed.Length > first ? (first, trimmed.Length) : (-1, -1);
    }

    private static string Expand(string text, int length) =>
        text[..Math.Min(length, text.Length)].Replace("\t", new string(' ', TabWidth), StringComparison.Ordinal);

    private static string? ReadLine(string path, int line)
    {
        if (line <= 0 || !File.Exists(path))
        {
            return null;
        }
        try
        {
            using var reader = new StreamReader(path);
            for (var number = 1; reader.ReadLine() is { } text; number++)
            {
                if (number == line)
                {
                    return text;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }
}
