using System.Text.RegularExpressions;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Finds the line of the keyword argument an error names, in a call written over several lines:
/// <c>replicas: expected int, got str</c> raised by <c>V1DeploymentSpec(</c> … <c>replicas="3",</c>
/// … <c>)</c> is at the <c>replicas=</c> line, not the call's first. Python 3.11+ gives the call's
/// extent (earlier versions do not, and the error stays at the call's line); within it the keywords
/// of the call itself are found by their nesting (those of calls inside it are not), outside strings
/// and comments.
/// </summary>
internal static partial class ArgumentLocator
{
    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)(\[|:)")]
    private static partial Regex NamedArgument();

    /// <summary>The argument's 1-based line and column, or null when the frame is not such a call or the name is not a keyword of it.</summary>
    public static (int Line, int Column, string SourceLine)? Find(PythonStackFrame frame, string message)
    {
        if (frame.Column <= 0 || frame.EndLine <= frame.Line || NamedArgument().Match(message) is not { Success: true } match)
        {
            return null;
        }
        string[] lines;
        try
        {
            lines = File.ReadAllLines(frame.FileName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (frame.EndLine > lines.Length)
        {
            return null;
        }
        return Scan(lines, frame.Line, frame.Column, frame.EndLine, match.Groups["name"].Value);
    }

    private static (int Line, int Column, string SourceLine)? Scan(string[] lines, int startLine, int startColumn, int endLine, string name)
    {
        var depth = 0;
        char? quote = null;
        var triple = false;
        for (var l = startLine; l <= endLine; l++)
        {
            var text = lines[l - 1];
            for (var c = l == startLine ? startColumn - 1 : 0; c < text.Length; c++)
            {
                var ch = text[c];
                if (quote is { } open)
                {
                    if (ch == '\\')
                    {
                        c++;
                    }
                    else if (ch == open && (!triple || At(text, c, new string(open, 3))))
                    {
                        c += triple ? 2 : 0;
                        quote = null;
                    }
                    continue;
                }
                switch (ch)
                {
                    case '#':
                        c = text.Length;
                        break;
                    case '"' or '\'':
                        triple = At(text, c, new string(ch, 3));
                        quote = ch;
                        c += triple ? 2 : 0;
                        break;
                    case '(' or '[' or '{':
                        depth++;
                        break;
                    case ')' or ']' or '}':
                        if (--depth == 0)
                        {
                            return null; // the call ended without that keyword
                        }
                        break;
                    default:
                        if (depth == 1 && IsKeywordAt(text, c, name))
                        {
                            return (l, c + 1, text.Trim());
                        }
                        break;
                }
            }
            if (quote is not null && !triple)
            {
                quote = null; // a one-line string does not go on to the next line
            }
        }
        return null;
    }

    private static bool At(string text, int index, string what) => string.CompareOrdinal(text, index, what, 0, what.Length) == 0;

    // name, then optional spaces, then '=' that is not '==', with no identifier character just before it.
    private static bool IsKeywordAt(string text, int index, string name)
    {
        if (!At(text, index, name) || index > 0 && (char.IsLetterOrDigit(text[index - 1]) || text[index - 1] is '_' or '.'))
        {
            return false;
        }
        var after = index + name.Length;
        while (after < text.Length && text[after] == ' ')
        {
            after++;
        }
        return after < text.Length && text[after] == '=' && (after + 1 >= text.Length || text[after + 1] != '=');
    }
}
