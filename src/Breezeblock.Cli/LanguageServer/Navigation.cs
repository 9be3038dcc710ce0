namespace Breezeblock.Cli.LanguageServer;

/// <summary>A request the server refuses, with the reason the editor shows.</summary>
internal sealed class RequestRefused(string message) : Exception(message);

/// <summary>
/// Definition, references and rename over a folder's wiring: a parameter goes to the config it
/// receives (or the values file that gives its input, or its own default); a config's references are
/// every parameter that receives it; renaming a config changes its definition (the function's name,
/// or its <c>name=</c>), each parameter that receives it, and what those functions' bodies read of them.
/// </summary>
internal static class Navigation
{
    public static Location? Definition(FolderSession session, OpenDocuments documents, string path, Position position)
    {
        var index = session.Index;
        if (index.At(path, position.Line + 1, position.Character) is not { } site)
        {
            return null;
        }
        if (site.Kind == SiteKind.Definition)
        {
            return LocationOf(documents, site);
        }
        return site.Resolved?.Source switch
        {
            ValueSource.Config => index.Definition(site.Resolved.Config!) is { } definition ? LocationOf(documents, definition) : null,
            ValueSource.Input => session.Inputs.Find(site.Name) is { } input ? new Location(documents.UriOf(input.Path), RangeOf(input.Span)) : null,
            ValueSource.Default => index.In(site.Path).FirstOrDefault(s => s.Kind == SiteKind.Parameter && s.Owner == site.Owner && s.Name == site.Name) is { } parameter
                ? LocationOf(documents, parameter) : null,
            _ => null,
        };
    }

    public static List<Location> References(FolderSession session, OpenDocuments documents, string path, Position position, bool includeDeclaration)
    {
        var index = session.Index;
        if (index.At(path, position.Line + 1, position.Character) is not { } site)
        {
            return [];
        }
        if (site.Config is { } config)
        {
            var found = index.ReceiversOf(config).Select(s => LocationOf(documents, s)).ToList();
            if (includeDeclaration && index.Definition(config) is { } definition)
            {
                found.Insert(0, LocationOf(documents, definition));
            }
            return found;
        }
        if (site.Resolved?.Source == ValueSource.Input)
        {
            return index.Paths.SelectMany(index.In)
                .Where(s => s.Kind == SiteKind.Parameter && s.Name == site.Name && s.Resolved?.Source == ValueSource.Input)
                .Select(s => LocationOf(documents, s)).ToList();
        }
        return [];
    }

    public static PrepareRenameResult? PrepareRename(FolderSession session, string path, Position position) =>
        session.Index.At(path, position.Line + 1, position.Character) is { Config: { } config } site
            ? new PrepareRenameResult(RangeOf(site.Span), config)
            : null;

    /// <exception cref="RequestRefused">Nothing to rename there, or the new name cannot be a config's.</exception>
    public static WorkspaceEdit Rename(FolderSession session, OpenDocuments documents, string path, Position position, string newName)
    {
        var index = session.Index;
        if (index.At(path, position.Line + 1, position.Character) is not { Config: { } config })
        {
            throw new RequestRefused(CliMessages.RenameNothing);
        }
        if (!ConfigNames.IsValid(newName))
        {
            throw new RequestRefused(CliMessages.RenameNotIdentifier(newName));
        }
        if (newName != config && (index.Configs.ContainsKey(newName) || session.InputTexts.ContainsKey(newName)))
        {
            throw new RequestRefused(CliMessages.RenameTaken(newName));
        }
        var edits = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        void Edit(WiringSite site)
        {
            var uri = documents.UriOf(site.Path);
            if (!edits.TryGetValue(uri, out var list))
            {
                edits[uri] = list = [];
            }
            list.Add(new TextEdit(RangeOf(site.Span), newName));
        }
        if (index.Definition(config) is { } definition)
        {
            Edit(definition);
        }
        foreach (var receiver in index.ReceiversOf(config))
        {
            Edit(receiver);
            foreach (var use in index.In(receiver.Path).Where(s => s.Kind == SiteKind.Use && s.Owner == receiver.Owner && s.IsCheck == receiver.IsCheck && s.Name == receiver.Name))
            {
                Edit(use);
            }
        }
        return new WorkspaceEdit(edits);
    }

    public static Location LocationOf(OpenDocuments documents, WiringSite site) => new(documents.UriOf(site.Path), RangeOf(site.Span));

    public static Range RangeOf(SourceSpan span) => Range.On(span.Line - 1, span.Column, span.EndColumn);
}
