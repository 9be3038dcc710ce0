#if !NATIVE
using System.Reflection;
using System.Text.Json;

namespace Breezeblock.Cli;

/// <summary>
/// Where a <c>--host</c> assembly's NuGet dependencies are, read from its <c>.deps.json</c> as the
/// <c>dotnet</c> host does for an application: beside the assembly when the build copied them
/// (an application, <c>dotnet publish</c>), else in the NuGet package cache (<c>NUGET_PACKAGES</c>,
/// or <c>~/.nuget/packages</c>), where a class library built the ordinary way leaves them.
/// <see cref="System.Runtime.Loader.AssemblyDependencyResolver"/> covers the first case only.
/// </summary>
internal sealed class HostDependencies
{
    private readonly Dictionary<string, List<string>> _candidates = new(StringComparer.OrdinalIgnoreCase);

    private HostDependencies(IReadOnlyList<string> packageRoots) => PackageRoots = packageRoots;

    /// <summary>The package folders searched, for messages.</summary>
    public IReadOnlyList<string> PackageRoots { get; }

    /// <summary>Reads the assembly's <c>.deps.json</c>; an assembly without one has no dependencies known here.</summary>
    public static HostDependencies Read(string assemblyPath)
    {
        var dependencies = new HostDependencies(PackageFolders());
        var depsFile = Path.ChangeExtension(assemblyPath, ".deps.json");
        if (!File.Exists(depsFile))
        {
            return dependencies;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(depsFile));
            dependencies.Add(document.RootElement, Path.GetDirectoryName(assemblyPath)!);
        }
        catch (JsonException)
        {
            // a damaged .deps.json resolves nothing; what then fails to load is reported by name
        }
        return dependencies;
    }

    /// <summary>The file of a dependency that exists, or null.</summary>
    public string? Resolve(AssemblyName name) =>
        name.Name is { } simple && _candidates.TryGetValue(simple, out var files) ? files.FirstOrDefault(File.Exists) : null;

    private void Add(JsonElement root, string directory)
    {
        if (!root.TryGetProperty("runtimeTarget", out var target) || !target.TryGetProperty("name", out var targetName)
            || !root.TryGetProperty("targets", out var targets) || !targets.TryGetProperty(targetName.GetString()!, out var libraries))
        {
            return;
        }
        root.TryGetProperty("libraries", out var described);
        foreach (var library in libraries.EnumerateObject())
        {
            if (!library.Value.TryGetProperty("runtime", out var runtime))
            {
                continue;
            }
            string? packagePath = null;
            if (described.ValueKind == JsonValueKind.Object && described.TryGetProperty(library.Name, out var info)
                && info.TryGetProperty("type", out var type) && type.GetString() == "package" && info.TryGetProperty("path", out var path))
            {
                packagePath = path.GetString();
            }
            foreach (var asset in runtime.EnumerateObject())
            {
                var file = asset.Name.Replace('/', Path.DirectorySeparatorChar);
                var candidates = new List<string> { Path.Combine(directory, Path.GetFileName(file)) };
                if (packagePath is not null)
                {
                    candidates.AddRange(PackageRoots.Select(root => Path.Combine(root, packagePath, file)));
                }
                var simple = Path.GetFileNameWithoutExtension(file);
                if (_candidates.TryGetValue(simple, out var existing))
                {
                    existing.AddRange(candidates);
                }
                else
                {
                    _candidates[simple] = candidates;
                }
            }
        }
    }

    private static List<string> PackageFolders()
    {
        var folders = new List<string>();
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured)
        {
            folders.Add(configured);
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0)
        {
            folders.Add(Path.Combine(home, ".nuget", "packages"));
        }
        return folders;
    }
}
#endif
