namespace Breezeblock.Cli.LanguageServer;

/// <summary>
/// A folder's problems as the editor's diagnostics, file by file: each error at its line and column
/// (a parameter's name, else the line's text), with its hint and, for a name that resolves to nothing,
/// the name probably meant for a quick fix. A file whose problems are gone is published empty, so the
/// editor clears it. An input no config uses is shown in the values file that gives it; a problem that
/// has no place goes to the editor's log.
/// </summary>
internal sealed class FolderDiagnostics(OpenDocuments documents, ILanguageClient client)
{
    private HashSet<string> _published = new(StringComparer.Ordinal);
    private HashSet<string> _logged = new(StringComparer.Ordinal);

    /// <summary>Where each input's values file says it, for problems about inputs.</summary>
    public InputSources? Inputs { get; set; }

    public void Publish(IReadOnlyList<ConfigError> problems)
    {
        var byPath = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        var logged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            var (path, range) = Place(problem);
            if (path is null)
            {
                var text = ErrorFormatter.Format(problem);
                if (logged.Add(text) && !_logged.Contains(text))
                {
                    client.Log(text); // once, while it lasts
                }
                continue;
            }
            if (!byPath.TryGetValue(path, out var list))
            {
                byPath[path] = list = [];
            }
            list.Add(new Diagnostic(range, problem.Severity == ConfigErrorSeverity.Warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
                problem.Kind.ToString(), "breezeblock", Message(problem), Data: problem.Suggestion is { } suggestion && problem.Parameter is not null ? new DiagnosticFix(suggestion) : null));
        }
        _logged = logged;
        foreach (var gone in _published.Where(p => !byPath.ContainsKey(p)))
        {
            client.Publish(new PublishDiagnosticsParams(documents.UriOf(gone), []));
        }
        foreach (var (path, list) in byPath)
        {
            client.Publish(new PublishDiagnosticsParams(documents.UriOf(path), [.. list]));
        }
        _published = [.. byPath.Keys];
    }

    public void ClearAll() => Publish([]);

    // The headline, what is under it, and the hint: what the terminal shows, without the code frame (the editor shows the code).
    private static string Message(ConfigError problem)
    {
        var lines = new List<string> { problem.Message };
        lines.AddRange(problem.Details);
        if (problem.Hint is { } hint)
        {
            lines.Add(hint);
        }
        return string.Join('\n', lines);
    }

    private (string? Path, Range Range) Place(ConfigError problem)
    {
        if (problem.Location is { } location && location.Path.StartsWith('/') && (location.Line > 0 || File.Exists(location.Path)))
        {
            return (location.Path, RangeOf(location));
        }
        if (problem.Input is { } input && Inputs?.Find(input) is { } source)
        {
            return (source.Path, Range.On(source.Span.Line - 1, source.Span.Column, source.Span.EndColumn));
        }
        return (null, Range.On(0, 0, 0));
    }

    private Range RangeOf(SourceLocation location)
    {
        if (location.Line <= 0)
        {
            return Range.On(0, 0, 0);
        }
        var line = location.Line - 1;
        var text = LineText(location.Path, line);
        if (location.Column > 0)
        {
            var start = location.Column - 1;
            var end = location.EndColumn > location.Column ? location.EndColumn - 1 : IdentifierEnd(text, start);
            return Range.On(line, start, end);
        }
        var first = text.Length - text.TrimStart().Length;
        return Range.On(line, first, Math.Max(first, text.TrimEnd().Length));
    }

    private string LineText(string path, int line)
    {
        var text = documents.Text(path);
        if (text is null)
        {
            return "";
        }
        var start = OpenDocuments.Offset(text, new Position(line, 0));
        var end = text.IndexOfAny(['\n', '\r'], start);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private static int IdentifierEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '*'))
        {
            end++;
        }
        return Math.Max(end, start + 1);
    }
}
