namespace Breezeblock.Python;

/// <summary>
/// Recognizes the standard layouts of a Python installation from its files, so the common cases need
/// no <c>python -c</c> probe (which costs a process start, and through a pyenv shim a third of a
/// second). Anything not recognized with certainty returns null and is probed instead.
/// </summary>
internal static class InstallationLayout
{
    /// <summary>The installation an executable belongs to, when its layout says so unambiguously.</summary>
    public static PythonInstallation? Recognize(LocatorEnvironment env, string executable, string foundBy)
    {
        var target = PyenvShimTarget(env, executable) ?? executable;
        var real = env.ResolveLink(target);
        if (!TryParseExecutableName(Path.GetFileName(real), out var version))
        {
            return null;
        }
        var prefix = Path.GetDirectoryName(Path.GetDirectoryName(real));
        if (prefix is null || !env.FileExists(Path.Combine(prefix, "lib", $"python{version.Major}.{version.Minor}", "os.py")))
        {
            return null;
        }
        var name = $"libpython{version.Major}.{version.Minor}.so";
        var library = new[]
        {
            Path.Combine(prefix, "lib", name + ".1.0"),
            Path.Combine(prefix, "lib", env.MultiarchTriplet, name + ".1.0"),
            Path.Combine(prefix, "lib", name),
        }.FirstOrDefault(env.FileExists);
        if (library is null)
        {
            return null;
        }
        // A virtual environment runs as its own python (its pyvenv.cfg adds its site-packages);
        // anything else runs as the real executable.
        var environment = Path.GetDirectoryName(Path.GetDirectoryName(target));
        var isVirtualEnvironment = environment is not null && env.FileExists(Path.Combine(environment, "pyvenv.cfg"));
        return new PythonInstallation(library, isVirtualEnvironment ? target : real, version, foundBy);
    }

    /// <summary><c>python3.11</c> → 3.11; names with ABI suffixes (<c>python3.13t</c>) are not recognized.</summary>
    public static bool TryParseExecutableName(string name, out Version version)
    {
        version = new Version(0, 0);
        if (!name.StartsWith("python3.", StringComparison.Ordinal) || !int.TryParse(name["python3.".Length..], out var minor))
        {
            return false;
        }
        version = new Version(3, minor);
        return version >= PythonInstallation.MinimumVersion;
    }

    // A pyenv shim runs whichever version pyenv selects: PYENV_VERSION, else the nearest
    // .python-version up from the current folder, else $PYENV_ROOT/version. "system" is left to the probe.
    private static string? PyenvShimTarget(LocatorEnvironment env, string executable)
    {
        var root = env.GetVariable("PYENV_ROOT") is { Length: > 0 } configured ? configured : Path.Combine(env.HomeDirectory, ".pyenv");
        if (Path.GetDirectoryName(executable) != Path.Combine(root, "shims"))
        {
            return null;
        }
        var version = FirstVersion(env.GetVariable("PYENV_VERSION"));
        for (var dir = env.CurrentDirectory; version is null && !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            var file = Path.Combine(dir, ".python-version");
            if (env.FileExists(file))
            {
                version = FirstVersion(env.ReadFirstLine(file)) ?? "";
            }
        }
        version ??= FirstVersion(env.ReadFirstLine(Path.Combine(root, "version")));
        if (string.IsNullOrEmpty(version) || version == "system")
        {
            return null;
        }
        var candidate = Path.Combine(root, "versions", version, "bin", Path.GetFileName(executable));
        return env.FileExists(candidate) ? candidate : null;
    }

    private static string? FirstVersion(string? text) =>
        text?.Split([':', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(v => !v.StartsWith('#'));
}
