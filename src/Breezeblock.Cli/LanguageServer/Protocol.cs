using System.Text.Json;

namespace Breezeblock.Cli.LanguageServer;

// The Language Server Protocol 3.17 types the server speaks (https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/),
// as records serialised camelCase with nulls left out. Lines and characters are 0-based; characters count UTF-16 code units.

internal sealed record Position(int Line, int Character);

internal sealed record Range(Position Start, Position End)
{
    public static Range On(int line, int start, int end) => new(new Position(line, start), new Position(line, end));
}

internal sealed record Location(string Uri, Range Range);

internal sealed record TextDocumentIdentifier(string Uri);

internal sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

internal sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

internal sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

internal sealed record TextDocumentContentChangeEvent(Range? Range, string Text);

internal sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, TextDocumentContentChangeEvent[] ContentChanges);

internal sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text);

internal sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

internal sealed record DidChangeConfigurationParams(JsonElement Settings);

internal sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

internal sealed record ReferenceContext(bool IncludeDeclaration);

internal sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context);

internal sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName);

internal sealed record PrepareRenameResult(Range Range, string Placeholder);

internal sealed record TextEdit(Range Range, string NewText);

internal sealed record WorkspaceEdit(Dictionary<string, List<TextEdit>> Changes);

internal sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

internal sealed record Hover(MarkupContent Contents, Range? Range);

internal sealed record DiagnosticRelatedInformation(Location Location, string Message);

/// <summary>A diagnostic; <see cref="Data"/> carries a quick fix's replacement (<see cref="DiagnosticFix"/>), kept by the client and sent back with code action requests.</summary>
internal sealed record Diagnostic(Range Range, int Severity, string Code, string Source, string Message, DiagnosticRelatedInformation[]? RelatedInformation = null, DiagnosticFix? Data = null);

/// <summary>What a quick fix replaces a diagnostic's parameter with.</summary>
internal sealed record DiagnosticFix(string Replacement);

internal static class DiagnosticSeverity
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Information = 3;
}

internal sealed record PublishDiagnosticsParams(string Uri, Diagnostic[] Diagnostics, int? Version = null);

internal sealed record CompletionItem(string Label, int Kind, string? Detail, MarkupContent? Documentation, string? SortText);

internal static class CompletionItemKind
{
    public const int Variable = 6;
    public const int Reference = 18;
}

internal sealed record CompletionList(bool IsIncomplete, CompletionItem[] Items);

internal sealed record CodeActionContext(Diagnostic[] Diagnostics);

internal sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

internal sealed record CodeAction(string Title, string Kind, Diagnostic[]? Diagnostics, bool? IsPreferred, WorkspaceEdit Edit);

internal sealed record CodeLens(Range Range, CodeLensCommand? Command);

/// <summary>LSP's Command, whose identifier field is called <c>command</c>.</summary>
internal sealed record CodeLensCommand(string Title, string Command, object?[]? Arguments);

internal sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

internal sealed record InlayHintParams(TextDocumentIdentifier TextDocument, Range Range);

internal sealed record InlayHint(Position Position, string Label, int? Kind, bool? PaddingLeft, MarkupContent? Tooltip);

internal static class InlayHintKind
{
    public const int Type = 1;
}

internal sealed record LogMessageParams(int Type, string Message);

/// <summary>The server's own notification, <c>breezeblock/evaluated</c>: a folder's evaluation ended.</summary>
/// <param name="Folder">The config folder's URI.</param>
/// <param name="Succeeded">True when it evaluated without errors.</param>
/// <param name="Errors">How many errors it found.</param>
/// <param name="Configs">How many configs the folder has.</param>
/// <param name="Ran">How many ran (the others' results were reused).</param>
/// <param name="Inputs">The names of the inputs it was given (not their values).</param>
internal sealed record EvaluatedParams(string Folder, bool Succeeded, int Errors, int Configs, int Ran, IReadOnlyList<string> Inputs);

/// <summary>The server's own request, <c>breezeblock/value</c>: a config's whole value, for the editor to show when a hover's preview is cut short.</summary>
internal sealed record ValueParams(TextDocumentIdentifier TextDocument, string Name);
