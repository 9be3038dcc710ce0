namespace Breezeblock.Cli.LanguageServer;

/// <summary>
/// The config folders of a workspace folder whose settings name none: the folders (the workspace
/// folder itself, or those below it, a few levels down) holding a .py file that imports breezeblock.
/// A folder found is not searched further: its subfolders are its packages. Hidden folders and those
/// of tools (node_modules, bin, obj, virtual environments) are passed over.
/// </summary>
internal static class ConfigFolders
{
    private const int MaxDepth = 4;
    private const long MaxFileBytes = 256 * 1024;
    private static readonly HashSet<string> Skipped = ["node_modules", "bin", "obj", "__pycache__", "venv", "site-packages", "dist", "build"];

    public static List<string> Find(string root)
    {
        var found = new List<string>();
        var pending = new Queue<(string Folder, int Depth)>([(root, 0)]);
        while (pending.TryDequeue(out var next))
        {
            var (folder, depth) = next;
            if (ImportsBreezeblock(folder))
            {
                found.Add(folder);
                continue;
            }
            if (depth == MaxDepth)
            {
                continue;
            }
            try
            {
                foreach (var sub in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(sub);
                    if (!name.StartsWith('.') && !Skipped.Contains(name))
                    {
                        pending.Enqueue((sub, depth + 1));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // unreadable: nothing to find there
            }
        }
        return found;
    }

    private static bool ImportsBreezeblock(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder, "*.py").Any(file =>
                new FileInfo(file).Length <= MaxFileBytes && File.ReadLines(file).Take(200).Any(line =>
                    line.TrimStart().StartsWith("from breezeblock", StringComparison.Ordinal) || line.TrimStart().StartsWith("import breezeblock", StringComparison.Ordinal)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
