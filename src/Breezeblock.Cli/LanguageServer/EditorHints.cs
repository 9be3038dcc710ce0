using System.Text.RegularExpressions;

namespace Breezeblock.Cli.LanguageServer;

/// <summary>
/// What the server adds to the text: parameter names to complete inside a configure function's
/// signature, code lenses over each config ("used by N" and "needs …", each opening those places),
/// inlay hints after each parameter (its value, short, or else its type), and the quick fix of a
/// name that resolves to nothing.
/// </summary>
internal static partial class EditorHints
{
    private const int HintWidth = 40;

    public static CompletionList Completion(FolderSession session, OpenDocuments documents, string path, Position position)
    {
        var text = documents.Text(path) ?? "";
        var offset = OpenDocuments.Offset(text, position);
        var before = text[Math.Max(0, offset - 2000)..offset]; // a signature is shorter: the rest of the file is not searched
        var signature = OpenSignature().Match(before);
        if (!signature.Success)
        {
            return new CompletionList(false, []);
        }
        var own = signature.Groups["name"].Value;
        var close = text.IndexOf(')', offset);
        var rest = close < 0 ? "" : text[offset..close]; // the parameters after the cursor are taken too
        var taken = ParameterName().Matches(signature.Groups["inside"].Value + rest).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var index = session.Index;
        var items = new List<CompletionItem>();
        foreach (var (name, config) in index.Configs)
        {
            if (name != own && !taken.Contains(name))
            {
                items.Add(new CompletionItem(name, CompletionItemKind.Reference, CliMessages.CompletionConfig(config.Function, config.Location.ToString()), null, "0" + name));
            }
        }
        foreach (var (name, origin) in session.InputTexts)
        {
            if (!index.Configs.ContainsKey(name) && !taken.Contains(name))
            {
                items.Add(new CompletionItem(name, CompletionItemKind.Variable, CliMessages.CompletionInput(origin), null, "1" + name));
            }
        }
        return new CompletionList(false, [.. items]);
    }

    public static CodeLens[] Lenses(FolderSession session, OpenDocuments documents, string path)
    {
        var index = session.Index;
        var lenses = new List<CodeLens>();
        foreach (var site in index.In(path).Where(s => s.Kind == SiteKind.Definition && !s.IsCheck))
        {
            var range = Navigation.RangeOf(site.Span);
            var position = range.Start;
            var uri = documents.UriOf(path);
            var receivers = index.ReceiversOf(site.Name).Select(r => Navigation.LocationOf(documents, r)).ToArray();
            lenses.Add(new CodeLens(range, new CodeLensCommand(CliMessages.LensUsedBy(index.UsedBy(site.Name).Count), "breezeblock.showReferences", [uri, position, receivers])));
            if (index.Configs.GetValueOrDefault(site.Name) is { Parameters.Count: > 0 } config)
            {
                var needed = config.Parameters.Where(p => p.Source == ValueSource.Config).Select(p => index.Definition(p.Config!)).OfType<WiringSite>()
                    .Select(d => Navigation.LocationOf(documents, d)).ToArray();
                lenses.Add(new CodeLens(range, new CodeLensCommand(CliMessages.LensNeeds(config.Parameters.Select(p => p.Name).ToList()), "breezeblock.showReferences", [uri, position, needed])));
            }
        }
        return [.. lenses];
    }

    public static InlayHint[] InlayHints(FolderSession session, string path, Range range)
    {
        var index = session.Index;
        var result = session.LastGood;
        var hints = new List<InlayHint>();
        foreach (var site in index.In(path).Where(s => s.Kind == SiteKind.Parameter && s.Span.Line - 1 >= range.Start.Line && s.Span.Line - 1 <= range.End.Line))
        {
            var position = new Position(site.Span.Line - 1, site.Span.EndColumn);
            var parameter = index.Function(site.Owner, site.IsCheck)?.Parameters.FirstOrDefault(p => p.Name == site.Name);
            if (site.Config is { } config && result is not null && result.Contains(config) && Short(result, config) is { } value)
            {
                hints.Add(new InlayHint(position, $"= {value}", null, true, null));
            }
            else if (parameter?.Annotation is null && site.Config is { } typed && index.Function(typed)?.ReturnAnnotation is { } type)
            {
                hints.Add(new InlayHint(position, $": {type}", InlayHintKind.Type, false, null));
            }
        }
        return [.. hints];
    }

    // A value on one line, when it is short enough to be worth showing beside its parameter.
    private static string? Short(ConfigResult result, string config)
    {
        try
        {
            var text = result.ToJson(config, indented: false);
            return text.Length <= HintWidth ? text : null;
        }
        catch (ConfigException)
        {
            return null;
        }
    }

    public static CodeAction[] QuickFixes(FolderSession session, OpenDocuments documents, string path, CodeActionParams request)
    {
        var actions = new List<CodeAction>();
        var index = session.Index;
        foreach (var diagnostic in request.Context.Diagnostics)
        {
            if (diagnostic.Data is not { Replacement: { } replacement } || diagnostic.Source != "breezeblock")
            {
                continue;
            }
            var uri = documents.UriOf(path);
            var edits = new List<TextEdit> { new(diagnostic.Range, replacement) };
            // what the body reads of the misspelt parameter is renamed with it
            var line = diagnostic.Range.Start.Line + 1;
            var misspelt = index.In(path).FirstOrDefault(s => s.Kind == SiteKind.Parameter && s.Span.Line == line && s.Span.Column == diagnostic.Range.Start.Character);
            if (misspelt is not null)
            {
                edits.AddRange(index.In(path).Where(s => s.Kind == SiteKind.Use && s.Owner == misspelt.Owner && s.IsCheck == misspelt.IsCheck && s.Name == misspelt.Name)
                    .Select(s => new TextEdit(Navigation.RangeOf(s.Span), replacement)));
            }
            actions.Add(new CodeAction(CliMessages.QuickFixRename(replacement), "quickfix", [diagnostic], true,
                new WorkspaceEdit(new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal) { [uri] = edits })));
        }
        return [.. actions];
    }

    // "def name(" with the cursor after it, the signature not closed yet (up to the cursor).
    [GeneratedRegex(@"def\s+(?<name>[A-Za-z_]\w*)\s*\((?<inside>[^)]*)$", RegexOptions.Singleline)]
    private static partial Regex OpenSignature();

    [GeneratedRegex(@"(?:^|,)\s*\**([A-Za-z_]\w*)\s*(?=[,:=]|$)")]
    private static partial Regex ParameterName();
}
