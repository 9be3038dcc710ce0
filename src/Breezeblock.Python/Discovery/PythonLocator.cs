using System.Text.RegularExpressions;

namespace Breezeblock.Python;

/// <summary>
/// Finds a CPython to load, the one place that decides which. In order: the path the host asks for;
/// <c>BREEZEBLOCK_PYTHON</c>; the active <c>VIRTUAL_ENV</c>; <c>python3</c> (then <c>python</c>) on PATH;
/// well-known library folders. A path the user chose (the first two) is used or refused, never
/// silently replaced by another Python.
/// </summary>
public static partial class PythonLocator
{
    /// <summary>The environment variable that names the Python to use.</summary>
    public const string EnvironmentVariable = "BREEZEBLOCK_PYTHON";

    /// <summary>
    /// Finds a Python. <paramref name="requested"/> may be a libpython3.X.so file, a python
    /// executable, a virtual environment or an installation prefix.
    /// </summary>
    /// <exception cref="PythonNotFoundException">Nothing usable was found; the message says where it looked.</exception>
    public static PythonInstallation Locate(string? requested = null) => Locate(requested, LocatorEnvironment.Machine);

    internal static PythonInstallation Locate(string? requested, LocatorEnvironment environment) =>
        new Search(environment).Run(requested);

    /// <summary>
    /// Runs the same search and reports it whole: the Python found (or null), every place tried in
    /// order with what was found there, the one used last, and what to install when none works.
    /// </summary>
    public static PythonSearchReport Diagnose(string? requested = null) => Diagnose(requested, LocatorEnvironment.Machine);

    internal static PythonSearchReport Diagnose(string? requested, LocatorEnvironment environment)
    {
        var search = new Search(environment);
        try
        {
            var found = search.Run(requested);
            return new PythonSearchReport(found, [.. search.Attempts, new LocatorAttempt(found.FoundBy, $"used: Python {found.Version} ({found.LibraryPath})")], null);
        }
        catch (PythonNotFoundException e)
        {
            return new PythonSearchReport(null, e.Attempts, e.Advice);
        }
    }

    [GeneratedRegex(@"^libpython(?<major>\d+)\.(?<minor>\d+)(?<abi>[dmtu]*)\.so(\.[\d.]+)?$")]
    private static partial Regex LibraryName();

    /// <summary>The version in a libpython file name, and whether its ABI is one we can load.</summary>
    internal static bool TryParseLibraryName(string fileName, out Version version, out string? unsupported)
    {
        var match = LibraryName().Match(fileName);
        version = new Version(0, 0);
        unsupported = null;
        if (!match.Success)
        {
            return false;
        }
        version = new Version(int.Parse(match.Groups["major"].Value), int.Parse(match.Groups["minor"].Value));
        var abi = match.Groups["abi"].Value;
        if (abi.Contains('t'))
        {
            unsupported = "is a free-threaded build (no GIL), which Breezeblock does not support";
        }
        else if (abi.Contains('d'))
        {
            unsupported = "is a debug build, whose object layout differs from release builds";
        }
        else if (version < PythonInstallation.MinimumVersion || version.Major != 3)
        {
            unsupported = $"is Python {version}; Breezeblock needs {PythonInstallation.MinimumVersion} or newer";
        }
        return true;
    }

    private sealed class Search(LocatorEnvironment env)
    {
        private readonly List<LocatorAttempt> _attempts = [];
        private Version? _pythonWithoutLibrary;

        public IReadOnlyList<LocatorAttempt> Attempts => _attempts;

        public PythonInstallation Run(string? requested)
        {
            if (!string.IsNullOrWhiteSpace(requested))
            {
                return FromPath(requested, "the requested Python") ?? throw NotFound();
            }
            var variable = env.GetVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(variable))
            {
                return FromPath(variable, EnvironmentVariable) ?? throw NotFound();
            }
            _attempts.Add(new LocatorAttempt(EnvironmentVariable, "not set"));

            var virtualEnv = env.GetVariable("VIRTUAL_ENV");
            if (!string.IsNullOrWhiteSpace(virtualEnv))
            {
                if (FromPath(virtualEnv, "VIRTUAL_ENV") is { } venv)
                {
                    return venv;
                }
            }
            else
            {
                _attempts.Add(new LocatorAttempt("VIRTUAL_ENV", "not set"));
            }

            foreach (var name in (ReadOnlySpan<string>)["python3", "python"])
            {
                var executable = env.FindOnPath(name);
                if (executable is null)
                {
                    _attempts.Add(new LocatorAttempt($"{name} on PATH", "not found"));
                    continue;
                }
                if (FromExecutable(executable, $"{name} on PATH") is { } found)
                {
                    return found;
                }
            }
            return WellKnownLocations() ?? throw NotFound();
        }

        private PythonInstallation? FromPath(string path, string foundBy)
        {
            var full = Path.GetFullPath(path);
            if (env.DirectoryExists(full))
            {
                foreach (var name in (ReadOnlySpan<string>)["python3", "python"])
                {
                    var executable = Path.Combine(full, "bin", name);
                    if (env.FileExists(executable))
                    {
                        return FromExecutable(executable, foundBy);
                    }
                }
                return Fail($"{foundBy} ({full})", "is a folder, but neither a virtual environment nor a Python installation (no bin/python3 inside)");
            }
            if (!env.FileExists(full))
            {
                return Fail($"{foundBy} ({full})", "does not exist");
            }
            if (Path.GetFileName(full).StartsWith("libpython", StringComparison.Ordinal))
            {
                return FromLibrary(full, foundBy);
            }
            return env.IsExecutable(full)
                ? FromExecutable(full, foundBy)
                : Fail($"{foundBy} ({full})", "is neither a libpython3.X.so nor a python executable (it is a file that cannot be run)");
        }

        private PythonInstallation? FromExecutable(string executable, string foundBy)
        {
            var place = $"{foundBy} ({executable})";
            if (InstallationLayout.Recognize(env, executable, foundBy) is { } recognized)
            {
                return recognized;
            }
            var probe = env.Probe(executable, out var failure);
            if (probe is null)
            {
                return Fail(place, failure ?? "did not answer");
            }
            if (probe.Implementation != "cpython")
            {
                return Fail(place, $"is {probe.Implementation}, not CPython");
            }
            if (probe.Version < PythonInstallation.MinimumVersion)
            {
                return Fail(place, $"is Python {probe.Version}; Breezeblock needs {PythonInstallation.MinimumVersion} or newer");
            }
            if (probe.GilDisabled)
            {
                return Fail(place, "is a free-threaded build (no GIL), which Breezeblock does not support");
            }
            var library = SharedLibrary(probe);
            if (library is null)
            {
                _pythonWithoutLibrary ??= probe.Version;
                return Fail(place, probe.Shared
                    ? $"is Python {probe.Version}, but its shared library was not found in {probe.LibDir}"
                    : $"is Python {probe.Version}, built without a shared library (libpython{probe.Version.Major}.{probe.Version.Minor}.so)");
            }
            var program = probe.Executable.Length > 0 ? probe.Executable : executable;
            return new PythonInstallation(library, program, probe.Version, foundBy);
        }

        private string? SharedLibrary(PythonProbe probe)
        {
            var folders = new[] { probe.LibDir, Path.Combine(probe.BasePrefix, "lib") }.OfType<string>();
            var names = new[] { probe.InstSoName, probe.LdLibrary }.OfType<string>().Where(n => n.Contains(".so", StringComparison.Ordinal));
            return folders.SelectMany(folder => names.Select(name => Path.Combine(folder, name))).FirstOrDefault(env.FileExists);
        }

        private PythonInstallation? FromLibrary(string library, string foundBy)
        {
            var place = $"{foundBy} ({library})";
            if (!TryParseLibraryName(Path.GetFileName(library), out var version, out var unsupported))
            {
                return Fail(place, "is not a libpython3.X.so file name");
            }
            if (unsupported is not null)
            {
                return Fail(place, unsupported);
            }
            var program = ProgramFor(library, version);
            var prefix = Path.GetDirectoryName(Path.GetDirectoryName(program))!;
            var landmark = Path.Combine(prefix, "lib", $"python{version.Major}.{version.Minor}", "os.py");
            if (!env.FileExists(landmark))
            {
                return Fail(place, $"has no standard library next to it (looked for {landmark}); install Python {version}'s standard library or name a python executable instead");
            }
            return new PythonInstallation(library, program, version, foundBy);
        }

        // Python derives sys.prefix from the program path, so it must sit in the installation the library
        // belongs to. It need not exist: Python only looks for landmarks relative to its folder.
        private string ProgramFor(string library, Version version)
        {
            var name = $"python{version.Major}.{version.Minor}";
            var folder = Path.GetDirectoryName(library)!;
            var multiarch = Path.GetFileName(folder).Contains("-linux-", StringComparison.Ordinal); // /usr/lib/x86_64-linux-gnu
            var prefix = Path.GetFullPath(Path.Combine(folder, multiarch ? "../.." : ".."));
            var program = Path.Combine(prefix, "bin", name);
            return env.FileExists(program) || !env.FileExists(Path.Combine(prefix, "bin", "python3")) ? program : Path.Combine(prefix, "bin", "python3");
        }

        private PythonInstallation? WellKnownLocations()
        {
            var pyenvRoot = env.GetVariable("PYENV_ROOT") is { Length: > 0 } root ? root : Path.Combine(env.HomeDirectory, ".pyenv");
            var folders = new List<string>
            {
                $"/usr/lib/{env.MultiarchTriplet}",
                "/usr/lib64",
                "/usr/lib",
                "/usr/local/lib",
            };
            folders.AddRange(env.Directories(Path.Combine(pyenvRoot, "versions")).Order(StringComparer.Ordinal).Select(v => Path.Combine(v, "lib")));

            var candidates = new List<(Version Version, string Path)>();
            foreach (var folder in folders)
            {
                var found = env.Files(folder, "libpython3.*.so*")
                    .Where(file => TryParseLibraryName(Path.GetFileName(file), out _, out var unsupported) && unsupported is null)
                    .ToList();
                if (found.Count == 0)
                {
                    _attempts.Add(new LocatorAttempt($"{folder}/libpython3.*.so*", "no match"));
                }
                foreach (var file in found)
                {
                    if (TryParseLibraryName(Path.GetFileName(file), out var version, out _))
                    {
                        candidates.Add((version, file));
                    }
                }
            }
            // Newest first; among files of one version the real file (.so.1.0) before the dev symlink.
            foreach (var (_, library) in candidates.OrderByDescending(c => c.Version).ThenByDescending(c => c.Path.Length))
            {
                if (FromLibrary(library, "well-known location") is { } installation)
                {
                    return installation;
                }
            }
            return null;
        }

        private PythonInstallation? Fail(string place, string outcome)
        {
            _attempts.Add(new LocatorAttempt(place, outcome));
            return null;
        }

        private PythonNotFoundException NotFound() => new(_attempts, Advice());

        private string Advice()
        {
            var version = _pythonWithoutLibrary is { } v ? $"{v.Major}.{v.Minor}" : null;
            var ids = env.OsReleaseIds;
            var install = ids switch
            {
                _ when ids.Contains("debian", StringComparison.Ordinal) || ids.Contains("ubuntu", StringComparison.Ordinal) =>
                    version is null ? "apt-get install libpython3.11 (or the libpython3.X that matches your python3)" : $"apt-get install libpython{version}",
                _ when ids.Contains("fedora", StringComparison.Ordinal) || ids.Contains("rhel", StringComparison.Ordinal) => "dnf install python3-libs",
                _ when ids.Contains("alpine", StringComparison.Ordinal) => "apk add python3",
                _ when ids.Contains("arch", StringComparison.Ordinal) => "pacman -S python",
                _ when ids.Contains("suse", StringComparison.Ordinal) => "zypper install python3",
                _ => version is null ? "install CPython 3.9 or newer with its shared library" : $"install the shared library of Python {version} (libpython{version}.so)",
            };
            return $"to fix: {install}; with pyenv, build with `env PYTHON_CONFIGURE_OPTS=--enable-shared pyenv install 3.12`; " +
                   $"or set {EnvironmentVariable} to a libpython3.X.so, a python executable or a virtual environment";
        }
    }
}
