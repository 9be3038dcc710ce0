using System.Text;

namespace Breezeblock.Cli.LanguageServer;

/// <summary>
/// What a hover on a config's name or a parameter says: what it is and where it comes from (a config,
/// an input and who gave it, a default), its type, its value from the last good evaluation (a preview,
/// with a link to the whole value), and the <c>explain</c> tree below it. Secrets show as <c>(secret)</c>,
/// as in every output.
/// </summary>
internal static class HoverText
{
    private const int PreviewLines = 12;
    private const int TreeLines = 24;

    public static Hover? For(FolderSession session, OpenDocuments documents, string path, Position position)
    {
        var index = session.Index;
        if (index.At(path, position.Line + 1, position.Character) is not { } site)
        {
            return null;
        }
        var text = new StringBuilder();
        var annotation = site.Kind == SiteKind.Definition ? null : index.Function(site.Owner, site.IsCheck)?.Parameters.FirstOrDefault(p => p.Name == site.Name)?.Annotation;
        if (site.Kind == SiteKind.Definition && site.IsCheck)
        {
            text.Append(CliMessages.HoverCheck(site.Name, index.Checks.GetValueOrDefault(site.Name)?.Parameters.Select(p => p.Name).ToList() ?? []));
        }
        else if (site.Config is { } config)
        {
            Config(text, session, index, documents, config, annotation, site.Kind == SiteKind.Definition ? null : site.Name);
        }
        else if (site.Resolved is { Source: ValueSource.Input })
        {
            text.Append(CliMessages.HoverInput(site.Name, session.InputTexts.GetValueOrDefault(site.Name) ?? CliMessages.GivenByHost, annotation));
        }
        else if (site.Resolved is { Source: ValueSource.Default } resolved)
        {
            text.Append(CliMessages.HoverDefault(site.Name, resolved.Default ?? "", annotation));
        }
        else
        {
            text.Append(CliMessages.HoverUnresolved(site.Name));
        }
        return new Hover(MarkupContent.Markdown(text.ToString()), Navigation.RangeOf(site.Span));
    }

    private static void Config(StringBuilder text, FolderSession session, WiringIndex index, OpenDocuments documents, string config, string? annotation, string? parameter)
    {
        var provenance = index.Configs.GetValueOrDefault(config);
        var function = index.Function(config);
        text.Append(CliMessages.HoverConfig(config, parameter, provenance?.Function, provenance?.Location.ToString(), annotation ?? function?.ReturnAnnotation));
        if (provenance is { ReplacedByInput: true })
        {
            text.Append(CliMessages.HoverReplacedByInput(session.InputTexts.GetValueOrDefault(config) ?? CliMessages.GivenByHost));
        }
        var usedBy = index.UsedBy(config);
        text.Append(CliMessages.HoverUsedBy(usedBy));
        if (session.LastGood is not { } result || !result.Contains(config))
        {
            text.Append(CliMessages.HoverNoValue);
            return;
        }
        string value;
        try
        {
            value = result.ToJson(config, indented: true);
        }
        catch (ConfigException e)
        {
            value = CliMessages.NotJson(e.Errors[0].Message);
        }
        var lines = value.Split('\n');
        text.Append("\n```json\n").Append(string.Join('\n', lines.Take(PreviewLines))).Append(lines.Length > PreviewLines ? "\n…" : "").Append("\n```\n");
        if (lines.Length > PreviewLines)
        {
            text.Append(CliMessages.HoverWholeValue(lines.Length, ShowValueLink(documents, provenance, config)));
        }
        if (provenance is not null && result.Provenance.ContainsKey(config))
        {
            var tree = new ExplainTree(result, result.Provenance, session.InputTexts).Render(config, TreeLines).TrimEnd('\n').Split('\n');
            text.Append("\n```text\n").Append(string.Join('\n', tree.Take(TreeLines))).Append(tree.Length > TreeLines ? "\n…" : "").Append("\n```\n");
        }
    }

    // A command link the extension answers by asking for breezeblock/value and opening it.
    private static string ShowValueLink(OpenDocuments documents, ConfigProvenance? provenance, string config)
    {
        var arguments = System.Text.Json.JsonSerializer.Serialize(new object[] { provenance is null ? "" : documents.UriOf(provenance.Location.Path), config });
        return $"command:breezeblock.showValue?{Uri.EscapeDataString(arguments)}";
    }
}
