using System.Reflection;
using System.Runtime.Loader;

namespace Breezeblock.Cli;

/// <summary>
/// Loads <c>--host app.dll</c> assemblies and lets their <see cref="IConfigHost"/> implementations
/// register host modules, so the CLI evaluates an application's configs without running it. Each
/// assembly gets its own load context with its own dependencies (beside it, or in the NuGet cache:
/// <see cref="HostDependencies"/>); Breezeblock's own assemblies are shared so that the host and the
/// CLI agree on the types.
/// </summary>
internal static class HostAssemblies
{
    public static void Configure(IEnumerable<string> paths, ConfigOptions options)
    {
        var list = paths.ToList();
        if (list.Count == 0)
        {
            return;
        }
#if NATIVE // the native (NativeAOT) breezeblock cannot load .NET assemblies
        throw new HostLoadException(CliMessages.HostNeedsJit);
    }
#else
        Load(list, options);
    }

    private static void Load(List<string> paths, ConfigOptions options)
    {
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (!File.Exists(full))
            {
                throw new HostLoadException($"host assembly {path} does not exist");
            }
            Assembly assembly;
            try
            {
                assembly = new HostLoadContext(full).LoadFromAssemblyPath(full);
            }
            catch (BadImageFormatException)
            {
                throw new HostLoadException($"{path} is not a .NET assembly");
            }
            var hosts = assembly.GetExportedTypes()
                .Where(t => typeof(IConfigHost).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
                .ToList();
            if (hosts.Count == 0)
            {
                throw new HostLoadException($"{path} has no public class implementing {typeof(IConfigHost).FullName}; add one whose Configure(ConfigOptions) registers the host modules");
            }
            foreach (var type in hosts)
            {
                try
                {
                    ((IConfigHost)Activator.CreateInstance(type)!).Configure(options);
                }
                catch (Exception e) when (Missing(e) is { } missing)
                {
                    throw new HostLoadException(CliMessages.HostDependencyMissing(path, missing, HostDependencies.Read(full).PackageRoots));
                }
                catch (MissingMethodException)
                {
                    throw new HostLoadException($"{type.FullName} in {path} needs a public parameterless constructor");
                }
                catch (Exception e) when (e is not HostLoadException)
                {
                    var inner = e is TargetInvocationException { InnerException: { } cause } ? cause : e;
                    throw new HostLoadException($"{type.FullName}.Configure failed: {inner.GetType().Name}: {inner.Message}");
                }
            }
        }
    }

    // The assembly a host needed and no one could find (thrown as it is, or from inside Configure).
    private static string? Missing(Exception e) => (e is TargetInvocationException { InnerException: { } inner } ? inner : e) switch
    {
        FileNotFoundException { FileName: { } name } => new AssemblyName(name).Name,
        _ => null,
    };

    private sealed class HostLoadContext(string path) : AssemblyLoadContext($"breezeblock host {Path.GetFileName(path)}")
    {
        private readonly AssemblyDependencyResolver _resolver = new(path);
        private readonly HostDependencies _dependencies = HostDependencies.Read(path);

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name?.StartsWith("Breezeblock.", StringComparison.Ordinal) == true)
            {
                return null; // the CLI's copy, so IConfigHost and ConfigOptions are the same types on both sides
            }
            return (_resolver.ResolveAssemblyToPath(name) ?? _dependencies.Resolve(name)) is { } file ? LoadFromAssemblyPath(file) : null;
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
            _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } file ? LoadUnmanagedDllFromPath(file) : IntPtr.Zero;
    }
#endif
}

/// <summary>A <c>--host</c> assembly could not be used.</summary>
internal sealed class HostLoadException(string message) : Exception(message);
