using System.Text;

namespace Breezeblock.Cli;

/// <summary>
/// Where a result goes: stdout (the default), one file (<c>--output</c>), or one file per config in a
/// folder (<c>--output-dir</c>, <c>NAME.json</c> or <c>NAME.yaml</c>, the way Helm renders one manifest
/// per file). Every file is written atomically. A folder keeps a list of the files it was given
/// (<c>.breezeblock-output</c>), so that the files of configs that are gone are removed, and nothing
/// else in the folder is ever touched. A run of some targets writes and removes only the files of
/// those targets: the other configs' files stay, and stay listed. Secrets are written as markers with
/// a keyed hash (see <see cref="SecretKey"/>), so that <c>plan</c> can tell whether one changed, or as
/// their values when <c>--reveal-secrets</c> asks.
/// </summary>
internal sealed class ResultOutput(string format, string? file, string? directory, IReadOnlyList<string>? targets = null, bool revealSecrets = false)
{
    private SecretOutput? _secrets;

    /// <summary>How secrets are written, decided at the first write: the key is read only when there are secrets.</summary>
    private SecretOutput Secrets => _secrets ??= revealSecrets ? SecretOutput.Revealed : SecretMasking.Any ? SecretKey.Output() : SecretOutput.Redacted;

    /// <summary>One config's JSON as this output writes it.</summary>
    public string Json(ConfigResult result, string name) => result.ToJson(name, secrets: Secrets);

    public const string ManifestName = ".breezeblock-output";

    public bool ToStdout => file is null && directory is null;

    /// <summary>What was written, for a note on stderr; null for stdout.</summary>
    public string? Describe(IReadOnlyList<string> written, IReadOnlyList<string> removed, int configs) =>
        directory is not null ? CliMessages.WroteFolder(directory, written.Count, removed.Count, configs)
        : file is not null ? CliMessages.WroteFile(file, written.Count > 0)
        : null;

    /// <summary>The whole result as text, in the chosen format.</summary>
    private string Render(ConfigResult result) => format == "yaml" ? result.ToYaml(Secrets) : result.ToJson(secrets: Secrets) + "\n";

    /// <summary>
    /// Writes the result where it goes; returns the files written and removed (none for stdout). For a
    /// folder, <paramref name="jsonTexts"/> (a config's JSON, as <c>ToJson(name)</c> gives it) names the
    /// configs whose files may have changed: the others' files are left as they are, and stay listed.
    /// </summary>
    /// <exception cref="ConfigException">A value cannot be represented in the format (nothing is written then).</exception>
    public (IReadOnlyList<string> Written, IReadOnlyList<string> Removed) Write(ConfigResult result, TextWriter stdout, IReadOnlyDictionary<string, string>? jsonTexts = null)
    {
        if (directory is not null)
        {
            return WriteDirectory(result, directory, jsonTexts);
        }
        if (file is null)
        {
            WriteStdout(result, stdout);
            return ([], []);
        }
        return (AtomicFile.Write(file, Render(result)) ? [file] : [], []);
    }

    // JSON streams into the real stdout as UTF-8, one config at a time: a large result is never held
    // whole as .NET data or text (a writer that is not a stream gets the same bytes decoded).
    private void WriteStdout(ConfigResult result, TextWriter stdout)
    {
        if (format == "yaml")
        {
            stdout.Write(result.ToYaml(Secrets));
        }
        else if (stdout is StreamWriter { BaseStream: var stream })
        {
            stdout.Flush();
            result.WriteJson(stream, secrets: Secrets);
        }
        else
        {
            using var bytes = new MemoryStream();
            result.WriteJson(bytes, secrets: Secrets);
            stdout.Write(Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length));
        }
        stdout.Flush();
    }

    private (IReadOnlyList<string>, IReadOnlyList<string>) WriteDirectory(ConfigResult result, string folder, IReadOnlyDictionary<string, string>? jsonTexts)
    {
        if (File.Exists(folder))
        {
            throw new CommandException(CliMessages.OutputDirIsAFile(folder));
        }
        var extension = format == "yaml" ? ".yaml" : ".json";
        var files = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in result.Names)
        {
            if (name.Length == 0 || name.IndexOfAny(['/', '\\', '\0']) >= 0 || name is "." or "..")
            {
                throw new CommandException(CliMessages.NotAFileName(name));
            }
            if (jsonTexts is not null && !jsonTexts.ContainsKey(name))
            {
                files[name + extension] = null; // unchanged: its file is as it was written
                continue;
            }
            files[name + extension] = format == "yaml" ? result.ToYaml(name, Secrets) : (jsonTexts?[name] ?? Json(result, name)) + "\n";
        }
        var written = new List<string>();
        foreach (var (name, text) in files)
        {
            if (text is not null && AtomicFile.Write(Path.Combine(folder, name), text))
            {
                written.Add(Path.Combine(folder, name));
            }
        }
        var manifest = Path.Combine(folder, ManifestName);
        var listed = ReadManifest(manifest).ToList();
        var ours = targets?.ToHashSet(StringComparer.Ordinal);
        // Without targets every listed file is this run's; with them, only the targets' (web.json, or web.yaml from an earlier --format).
        bool Ours(string name) => ours is null || ours.Contains(Path.GetFileNameWithoutExtension(name));
        var removed = new List<string>();
        foreach (var old in listed.Where(old => Ours(old) && !files.ContainsKey(old)))
        {
            var path = Path.Combine(folder, old);
            if (File.Exists(path))
            {
                File.Delete(path);
                removed.Add(path);
            }
        }
        var kept = listed.Where(old => !Ours(old)).Concat(files.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        AtomicFile.Write(manifest, string.Concat(kept.Select(name => name + "\n")));
        return (written, removed);
    }

    // The files an earlier run wrote: plain file names only, so a edited list cannot reach outside the folder.
    private static IEnumerable<string> ReadManifest(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path).Where(line => line.Length > 0 && line == Path.GetFileName(line) && line is not ("." or ".." or ManifestName))
            : [];
}
