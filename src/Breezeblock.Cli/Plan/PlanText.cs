using System.Text;
using System.Text.Json.Nodes;

namespace Breezeblock.Cli;

/// <summary>
/// A plan as people read it, like <c>terraform plan</c>: one line per change (<c>+</c> added,
/// <c>-</c> removed, <c>~</c> changed old → new; a secret's change says only that it changed), then a summary line.
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
        foreach (var line in Lines(changes, style))
        {
            text.Append(line).Append('\n');
        }
        text.Append('\n').Append(CliMessages.PlanSummary(
            changes.Count(c => c.Kind == ChangeKind.Added),
            changes.Count(c => c.Kind == ChangeKind.Changed),
            changes.Count(c => c.Kind == ChangeKind.Removed))).Append('\n');
        return text.ToString();
    }

    /// <summary>One line per change, without the summary: <c>~ web.image: "web:1" → "web:2"</c>.</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<ValueChange> changes, Style style) =>
        changes.Select(change => change.Kind switch
        {
            ChangeKind.Added => style.Added($"+ {change.Path}: {Value(change.New)}"),
            ChangeKind.Removed => style.Removed($"- {change.Path}: {Value(change.Old)}"),
            _ when IsSecret(change.Old) || IsSecret(change.New) => style.Changed(CliMessages.ChangedSecret(change.Path)),
            _ => style.Changed($"~ {change.Path}: {Value(change.Old)} → {Value(change.New)}"),
        });

    // A value written with a secret's marker in it (or which would show one): neither side of its change is shown.
    private static bool IsSecret(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && (text.Contains("(secret", StringComparison.Ordinal) || SecretMasking.IsIn(text));

    /// <summary>A value as one line of JSON, cut short when long.</summary>
    public static string Value(JsonNode? node)
    {
        var text = node?.ToJsonString(CliJson.Options) ?? "null";
        return text.Length <= ValueWidth ? text : text[..(ValueWidth - 1)] + "…";
    }
}
