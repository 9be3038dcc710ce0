using System.Text;

namespace Breezeblock.Benchmarks;

/// <summary>
/// The scaling benchmark's folders (bench/scaling/generate.py), 100 configs per file: a chain (each
/// config needs the one before) or a fan-in (per file, 99 leaves feed one aggregator; a root needs
/// every aggregator).
/// </summary>
internal static class ScalingFolder
{
    public const int PerFile = 100;

    public static string Create(string shape, int configs)
    {
        var folder = Directory.CreateTempSubdirectory($"breezeblock-bench-{shape}-").FullName;
        var files = shape == "chain" ? Chain(configs) : FanIn(configs);
        foreach (var (index, text) in files)
        {
            File.WriteAllText(FilePath(folder, index), text);
        }
        return folder;
    }

    public static string FilePath(string folder, int index) => Path.Combine(folder, $"part{index:0000}.py");

    private static IEnumerable<(int, string)> Chain(int n)
    {
        for (var start = 0; start < n; start += PerFile)
        {
            var text = new StringBuilder("from breezeblock import configure\n\n");
            for (var i = start; i < Math.Min(start + PerFile, n); i++)
            {
                text.Append(i == 0
                    ? "@configure\ndef c0():\n    return {\"name\": \"c0\", \"depth\": 0, \"tags\": [\"base\"]}\n\n"
                    : $"@configure\ndef c{i}(c{i - 1}):\n    return {{\"name\": \"c{i}\", \"depth\": c{i - 1}[\"depth\"] + 1, \"tags\": c{i - 1}[\"tags\"][:2] + [\"c{i}\"]}}\n\n");
            }
            yield return (start / PerFile, text.ToString());
        }
    }

    private static IEnumerable<(int, string)> FanIn(int n)
    {
        var files = Math.Max(1, n / PerFile);
        for (var f = 0; f < files; f++)
        {
            var text = new StringBuilder("from breezeblock import configure\n\n");
            var leaves = Enumerable.Range(0, PerFile - 1).Select(j => $"leaf{f}_{j}").ToList();
            foreach (var leaf in leaves)
            {
                text.Append($"@configure\ndef {leaf}():\n    return {{\"name\": \"{leaf}\", \"weight\": {leaf.Length}}}\n\n");
            }
            text.Append($"@configure\ndef group{f}({string.Join(", ", leaves)}):\n    parts = [{string.Join(", ", leaves)}]\n    return {{\"count\": len(parts), \"weight\": sum(p[\"weight\"] for p in parts)}}\n\n");
            if (f == files - 1)
            {
                var groups = Enumerable.Range(0, files).Select(g => $"group{g}").ToList();
                text.Append($"@configure\ndef root({string.Join(", ", groups)}):\n    return sum(g['weight'] for g in [{string.Join(", ", groups)}])\n\n");
            }
            yield return (f, text.ToString());
        }
    }
}
