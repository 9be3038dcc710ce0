using System.Collections.Concurrent;

namespace Breezeblock.Cli.LanguageServer;

/// <summary>A document the editor has open: its text as the editor holds it, saved or not.</summary>
internal sealed record OpenDocument(string Uri, string Path, int Version, string Text);

/// <summary>
/// The documents the editor has open, by file path, kept in step with its edits: whole-text
/// changes and ranged ones (incremental sync), positions in UTF-16 code units as the protocol counts.
/// </summary>
internal sealed class OpenDocuments
{
    private readonly ConcurrentDictionary<string, OpenDocument> _byPath = new(StringComparer.Ordinal);

    public OpenDocument Open(string uri, int version, string text)
    {
        var document = new OpenDocument(uri, DocumentUris.ToPath(uri), version, text);
        _byPath[document.Path] = document;
        return document;
    }

    public OpenDocument? Change(string uri, int version, IEnumerable<TextDocumentContentChangeEvent> changes)
    {
        var path = DocumentUris.ToPath(uri);
        if (!_byPath.TryGetValue(path, out var document))
        {
            return null;
        }
        var text = document.Text;
        foreach (var change in changes)
        {
            text = change.Range is null ? change.Text : Apply(text, change.Range, change.Text);
        }
        return _byPath[path] = document with { Version = version, Text = text };
    }

    public void Close(string uri) => _byPath.TryRemove(DocumentUris.ToPath(uri), out _);

    public OpenDocument? Get(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>Every open document.</summary>
    public IEnumerable<OpenDocument> All => _byPath.Values;

    /// <summary>The text of a file as the editor has it, else as it is on disk; null when neither can say.</summary>
    public string? Text(string path)
    {
        if (_byPath.TryGetValue(path, out var document))
        {
            return document.Text;
        }
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The URI to publish about a path: the editor's own, when it has the file open.</summary>
    public string UriOf(string path) => _byPath.TryGetValue(path, out var document) ? document.Uri : DocumentUris.FromPath(path);

    private static string Apply(string text, Range range, string replacement)
    {
        var start = Offset(text, range.Start);
        var end = Math.Max(start, Offset(text, range.End));
        return string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(end));
    }

    // A position's offset in the text; past a line's end is its end, past the last line the text's end.
    internal static int Offset(string text, Position position)
    {
        var offset = 0;
        for (var line = 0; line < position.Line; line++)
        {
            var next = text.IndexOfAny(['\n', '\r'], offset);
            if (next < 0)
            {
                return text.Length;
            }
            offset = next + (text[next] == '\r' && next + 1 < text.Length && text[next + 1] == '\n' ? 2 : 1);
        }
        var lineEnd = text.IndexOfAny(['\n', '\r'], offset);
        var length = (lineEnd < 0 ? text.Length : lineEnd) - offset;
        return offset + Math.Clamp(position.Character, 0, length);
    }
}

/// <summary>file:// URIs and paths, both ways.</summary>
internal static class DocumentUris
{
    public static string ToPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? Path.GetFullPath(parsed.LocalPath) : uri;

    public static string FromPath(string path) => new Uri(path).AbsoluteUri;
}
