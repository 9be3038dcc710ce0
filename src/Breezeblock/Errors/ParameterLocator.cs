namespace Breezeblock;

/// <summary>
/// Points an error about a parameter (a missing dependency, <c>*args</c>) at the parameter itself,
/// line and column, rather than at its function's <c>def</c> line: signatures span lines, and the
/// caret under the misspelled name is what the reader looks for. Reads only the files of errors, so
/// it costs nothing when there are none.
/// </summary>
internal static class ParameterLocator
{
    private const int MaxSignatureLines = 50;

    /// <summary>The errors, those about a parameter pointed at it; files are read as <paramref name="folder"/> sees them (an editor's unsaved text).</summary>
    public static List<ConfigError> Refine(List<ConfigError> errors, SourceFolder? folder = null)
    {
        Dictionary<string, string[]?>? files = null;
        for (var i = 0; i < errors.Count; i++)
        {
            var error = errors[i];
            if (error is not { Parameter: { } parameter, Location: { Line: > 0, Column: 0 } location })
            {
                continue;
            }
            files ??= new Dictionary<string, string[]?>(StringComparer.Ordinal);
            if (!files.TryGetValue(location.Path, out var lines))
            {
                files[location.Path] = lines = folder is null ? Read(location.Path) : folder.ReadLines(location.Path);
            }
            if (lines is not null && Find(lines, location.Line, parameter) is var (line, column, endColumn))
            {
                errors[i] = error.At(location with { Line = line, Column = column, EndColumn = endColumn });
            }
        }
        return errors;
    }

    private static string[]? Read(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The 1-based line, column and end column of <paramref name="name"/> among the parameters of the
    /// <c>def</c> at <paramref name="defLine"/>, a <c>*</c> or <c>**</c> before it included.
    /// </summary>
    internal static (int Line, int Column, int EndColumn)? Find(string[] lines, int defLine, string name)
    {
        var depth = 0;
        var open = false;
        for (var index = defLine - 1; index < lines.Length && index < defLine - 1 + MaxSignatureLines; index++)
        {
            var text = lines[index];
            for (var c = 0; c < text.Length; c++)
            {
                var ch = text[c];
                if (ch == '#')
                {
                    break;
                }
                if (ch is '"' or '\'')
                {
                    c = SkipString(text, c);
                    continue;
                }
                if (ch is '(' or '[' or '{')
                {
                    depth++;
                    open = true;
                    continue;
                }
                if (ch is ')' or ']' or '}')
                {
                    if (--depth == 0 && open)
                    {
                        return null; // the parameter list ended without the name
                    }
                    continue;
                }
                if (open && depth == 1 && IsIdentifierStart(ch))
                {
                    var end = c;
                    while (end < text.Length && IsIdentifierPart(text[end]))
                    {
                        end++;
                    }
                    if (end - c == name.Length && string.CompareOrdinal(text, c, name, 0, name.Length) == 0 && !IsDefault(text, c))
                    {
                        var start = c;
                        while (start > 0 && text[start - 1] == '*')
                        {
                            start--;
                        }
                        return (index + 1, start + 1, end + 1);
                    }
                    c = end - 1;
                }
            }
        }
        return null;
    }

    // A name after '=' at the top level is a default's value, not a parameter.
    private static bool IsDefault(string text, int start)
    {
        for (var c = start - 1; c >= 0; c--)
        {
            if (!char.IsWhiteSpace(text[c]))
            {
                return text[c] == '=' || text[c] == ':';
            }
        }
        return false;
    }

    private static int SkipString(string text, int start)
    {
        var quote = text[start];
        for (var c = start + 1; c < text.Length; c++)
        {
            if (text[c] == '\\')
            {
                c++;
            }
            else if (text[c] == quote)
            {
                return c;
            }
        }
        return text.Length;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
