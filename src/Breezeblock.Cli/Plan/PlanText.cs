using System.Text;
using System.Text.Json.Nodes;

namespace Breezeblock.Cli;

/// <summary>
/// A plan as people read it, like <c>terraform plan</c>: one line per change (<c>+</c> added,
/// <c>-</c> removed, <c>~</c> changed old → new), then a summary line.
/// </summary>
internal static class PlanText
{
    private const int ValueWidth = 120;

    public static string Render(IReadOnlyList<ValueChange> changes, string against, Style style)
    {
        if (changes.Count == 0)
        {
            return CliMessages.NoChanges(against) + "\n";
        }
        var text = new StringBuilder();
        foreach (var change in changes)
        {
            text.Append(change.Kind switch
            {
                ChangeKind.Added => style.Added($"+ {change.Path}: {Value(change.New)}"),
                ChangeKind.Removed => style.Removed($"- {change.Path}: {Value(change.Old)}"),
                _ => style.Changed($"~ {change.Path}: {Value(change.Old)} → {Value(change.New)}"),
            }).Append('\n');
        }
        text.Append('\n').Append(CliMessages.PlanSummary(
            changes.Count(c => c.Kind == ChangeKind.Added),
            changes.Count(c => c.Kind == ChangeKind.Changed),
            changes.Count(c => c.Kind == ChangeKind.Removed))).Append('\n');
        return text.ToString();
    }

    /// <summary>A value as one line of JSON, cut short when long.</summary>
    public static string Value(JsonNode? node)
    {
        var text = node?.ToJsonString(CliJson.Options) ?? "null";
        return text.Length <= ValueWidth ? text : text[..(ValueWidth - 1)] + "…";
    }
}
