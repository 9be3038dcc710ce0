using System.Text.Json.Nodes;

namespace Breezeblock.Cli;

/// <summary>
/// The snapshot files of <c>breezeblock test</c>: each config's JSON output per matrix entry, one file
/// per config per entry (<c>__snapshots__/environment=dev/web.json</c>; without a matrix
/// <c>__snapshots__/web.json</c>), reviewable in a diff. A run compares each config's output with its
/// file; <c>--update-snapshots</c> writes them (and removes those of configs that are gone). Secrets
/// are written as <c>(secret)</c>.
/// </summary>
internal sealed class SnapshotStore(string folder, bool update)
{
    public const string FolderName = "__snapshots__";

    /// <summary>Where the snapshots are.</summary>
    public string Root { get; } = Path.Combine(folder, FolderName);

    /// <summary>Snapshots take part in a run once a folder of them exists, or when asked to write them.</summary>
    public bool Active => update || Directory.Exists(Root);

    public bool Updating => update;

    /// <summary>The test cases of one entry's result: one per config, then one per snapshot whose config is gone.</summary>
    public List<TestCase> Compare(MatrixEntry entry, ConfigResult result)
    {
        var entryFolder = entry.Label.Length == 0 ? Root : Path.Combine(Root, Sanitize(entry.Label));
        var cases = new List<TestCase>();
        foreach (var name in result.Names)
        {
            var path = Path.Combine(entryFolder, name + ".json");
            var current = result.ToJson(name, indented: true, SecretOutput.Redacted) + "\n";
            var display = Display(path);
            if (update)
            {
                Directory.CreateDirectory(entryFolder);
                var same = !AtomicFile.Write(path, current);
                cases.Add(new TestCase(entry, TestKind.Snapshot, name, same ? TestStatus.Passed : TestStatus.Written, display));
                continue;
            }
            if (!File.Exists(path))
            {
                cases.Add(new TestCase(entry, TestKind.Snapshot, name, TestStatus.Skipped, display) { Message = CliMessages.NoSnapshot(name) });
                continue;
            }
            var recorded = File.ReadAllText(path);
            if (recorded == current)
            {
                cases.Add(new TestCase(entry, TestKind.Snapshot, name, TestStatus.Passed, display));
                continue;
            }
            cases.Add(new TestCase(entry, TestKind.Snapshot, name, TestStatus.Failed, display)
            {
                Message = CliMessages.SnapshotDiffers(name, display),
                Details = Difference(name, recorded, current),
            });
        }
        if (Directory.Exists(entryFolder))
        {
            var names = result.Names.ToHashSet(StringComparer.Ordinal);
            foreach (var stale in Directory.EnumerateFiles(entryFolder, "*.json").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(stale);
                if (names.Contains(name))
                {
                    continue;
                }
                if (update)
                {
                    File.Delete(stale);
                    continue;
                }
                cases.Add(new TestCase(entry, TestKind.Snapshot, name, TestStatus.Failed, Display(stale)) { Message = CliMessages.SnapshotOfRemovedConfig(name, Display(stale)) });
            }
        }
        return cases;
    }

    // The change from the recorded output to this one, key path by key path, as plan shows it.
    private static string Difference(string name, string recorded, string current)
    {
        JsonNode? old;
        try
        {
            old = JsonNode.Parse(recorded);
        }
        catch (System.Text.Json.JsonException)
        {
            return CliMessages.SnapshotUnreadable;
        }
        var changes = JsonDiff.Compare(new JsonObject { [name] = old }, new JsonObject { [name] = JsonNode.Parse(current) });
        return string.Join('\n', PlanText.Lines(changes, Style.Plain));
    }

    // A matrix label as a folder name: what a file system or a diff tool could trip on becomes _.
    private static string Sanitize(string label) =>
        string.Concat(label.Select(c => char.IsAsciiLetterOrDigit(c) || c is '=' or ',' or '.' or '-' or '_' ? c : '_'));

    // As the folder was given, so that the path is one to open from where the command ran.
    private string Display(string path) => Path.Combine(folder, Path.GetRelativePath(folder, path));
}
