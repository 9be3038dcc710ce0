namespace Breezeblock.Python.Tests;

/// <summary>A machine described in memory, for locator tests that must not depend on this one.</summary>
internal sealed class FakeMachine : LocatorEnvironment
{
    public Dictionary<string, string> Variables { get; } = new() { ["PATH"] = "/usr/bin:/bin" };
    public HashSet<string> FileSet { get; } = [];
    public HashSet<string> DirectorySet { get; } = [];
    public Dictionary<string, PythonProbe> Probes { get; } = [];
    public string Distribution { get; set; } = "debian";
    public Dictionary<string, string> Links { get; } = [];
    public Dictionary<string, string> Contents { get; } = [];
    public string Directory { get; set; } = "/home/user/project";

    public override string CurrentDirectory => Directory;

    /// <summary>Files that exist but cannot be run (everything else in <see cref="FileSet"/> can).</summary>
    public HashSet<string> NotExecutable { get; } = [];

    public override bool IsExecutable(string path) => FileSet.Contains(path) && !NotExecutable.Contains(path);

    public override string ResolveLink(string path)
    {
        for (var i = 0; i < 40 && Links.TryGetValue(path, out var target); i++)
        {
            path = target;
        }
        return path;
    }

    public override string? ReadFirstLine(string path) => Contents.TryGetValue(path, out var text) ? text.Split('\n')[0] : null;

    public FakeMachine WithLink(string link, string target)
    {
        WithFiles(link);
        Links[link] = target;
        return this;
    }

    public FakeMachine WithText(string path, string text)
    {
        WithFiles(path);
        Contents[path] = text;
        return this;
    }

    public override string? GetVariable(string name) => Variables.GetValueOrDefault(name);

    public override bool FileExists(string path) => FileSet.Contains(path);

    public override bool DirectoryExists(string path) => DirectorySet.Contains(path);

    public override IEnumerable<string> Files(string directory, string pattern)
    {
        var prefix = pattern[..pattern.IndexOf('*')];
        return FileSet.Where(f => Path.GetDirectoryName(f) == directory && Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal));
    }

    public override IEnumerable<string> Directories(string directory) =>
        DirectorySet.Where(d => Path.GetDirectoryName(d) == directory);

    public override string HomeDirectory => "/home/user";

    public override string MultiarchTriplet => "x86_64-linux-gnu";

    public override string OsReleaseIds => Distribution;

    public override PythonProbe? Probe(string executable, out string? failure)
    {
        failure = Probes.ContainsKey(executable) ? null : "exited with code 1";
        return Probes.GetValueOrDefault(executable);
    }

    public FakeMachine WithFiles(params string[] files)
    {
        foreach (var file in files)
        {
            FileSet.Add(file);
            for (var dir = Path.GetDirectoryName(file); !string.IsNullOrEmpty(dir) && dir != "/"; dir = Path.GetDirectoryName(dir))
            {
                DirectorySet.Add(dir);
            }
        }
        return this;
    }

    /// <summary>A pyenv-style installation under <paramref name="prefix"/>, with or without its shared library.</summary>
    public FakeMachine WithInstallation(string prefix, string version, bool shared = true)
    {
        var v = Version.Parse(version);
        var minor = $"{v.Major}.{v.Minor}";
        var executable = $"{prefix}/bin/python{minor}";
        WithFiles(executable, $"{prefix}/bin/python3", $"{prefix}/lib/python{minor}/os.py");
        if (shared)
        {
            WithFiles($"{prefix}/lib/libpython{minor}.so.1.0");
        }
        var probe = new PythonProbe(v, "cpython", executable, prefix, prefix, $"{prefix}/lib",
            shared ? $"libpython{minor}.so" : $"libpython{minor}.a", shared ? $"libpython{minor}.so.1.0" : $"libpython{minor}.a", shared, false);
        Probes[executable] = probe;
        Probes[$"{prefix}/bin/python3"] = probe;
        return this;
    }
}
