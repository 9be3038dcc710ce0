using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Imports every module of a config folder, each exactly once, through the engine's finder, and
/// collects every module's error instead of stopping at the first. <see cref="Dispose"/> takes the
/// folder's modules out of <c>sys.modules</c> again.
/// </summary>
internal sealed class FolderImporter : IDisposable
{
    private readonly LoaderModule _loader;
    private PyObject? _finder;

    private FolderImporter(LoaderModule loader) => _loader = loader;

    /// <summary>Imports the folder's modules; returns the importer (to unload later) and the errors.</summary>
    public static (FolderImporter Importer, List<ConfigError> Errors) Import(LoaderModule loader, SourceFolder folder, string? cacheDirectory)
    {
        var importer = new FolderImporter(loader);
        var errors = new List<ConfigError>();
        var taken = TakenNames(loader, folder, errors);
        var table = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var module in folder.Files.Concat(folder.Namespaces).Where(m => !taken.Contains(m.TopLevelName)))
        {
            var kind = module.Kind switch
            {
                ModuleKind.Package => "package",
                ModuleKind.Namespace => "namespace",
                _ => "module",
            };
            table[module.Name] = new object?[] { module.Path, kind, module.Directory };
        }
        importer._finder = loader.Install.Call(table, cacheDirectory);
        foreach (var module in folder.Files.Where(m => !taken.Contains(m.TopLevelName)))
        {
            try
            {
                loader.Load.Call(module.Name).Dispose();
            }
            catch (PythonException exception)
            {
                if (ExceptionTranslator.FromImport(exception, module, folder) is { } error)
                {
                    errors.Add(error);
                }
            }
        }
        return (importer, errors);
    }

    // A folder module must not share its top-level name with an installed or host module: one of the
    // two would silently hide the other.
    private static HashSet<string> TakenNames(LoaderModule loader, SourceFolder folder, List<ConfigError> errors)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in folder.Files.Concat(folder.Namespaces).GroupBy(m => m.TopLevelName))
        {
            using var location = loader.InstalledLocation.Call(group.Key);
            if (location.IsNone)
            {
                continue;
            }
            taken.Add(group.Key);
            var first = group.OrderBy(m => m.RelativePath, StringComparer.Ordinal).First();
            errors.Add(new ConfigError(ConfigErrorKind.ModuleNameCollision,
                $"module '{group.Key}' has the name of a module that is already installed ({location.As<string>()})",
                folder.Locate(first.Path, first.Kind == ModuleKind.Namespace ? 0 : 1))
            {
                Hint = $"rename {first.RelativePath}: a config module cannot replace an installed one",
            });
        }
        return taken;
    }

    public void Dispose()
    {
        if (_finder is not null)
        {
            _loader.Uninstall.Call(_finder).Dispose();
            _finder.Dispose();
            _finder = null;
        }
    }
}
