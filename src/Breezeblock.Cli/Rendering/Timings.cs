using System.Globalization;

namespace Breezeblock.Cli;

/// <summary><c>--timings</c>: how long each config that ran took, slowest first, and the totals, from the evaluation report.</summary>
internal static class Timings
{
    public static string Render(ConfigResult result)
    {
        var report = result.Report;
        var rows = report.Durations.OrderByDescending(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal).ToList();
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Key.Length);
        var lines = new List<string> { CliMessages.TimingsHeader(rows.Count) };
        foreach (var (name, duration) in rows)
        {
            var location = result.Provenance.TryGetValue(name, out var provenance) ? $"  {provenance.Location}" : "";
            lines.Add($"  {Milliseconds(duration),10}  {name.PadRight(width)}{location}");
        }
        var configs = TimeSpan.FromTicks(rows.Sum(r => r.Value.Ticks));
        lines.Add(CliMessages.TimingsTotals(Milliseconds(report.Loading), Milliseconds(configs), Milliseconds(report.Total)));
        return string.Join('\n', lines);
    }

    public static string Milliseconds(TimeSpan duration) => duration.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
