using System.Text;

namespace Breezeblock.Tests;

/// <summary>
/// A folder of modules and configs as plain data, for the property test: it writes itself as Python,
/// applies random edits, computes every config's value, and says which modules must run again and
/// which configs must run after each edit (the specification the workspace is checked against).
/// Modules import only lower-numbered modules and configs need only lower-numbered configs, so
/// every folder it makes is valid unless a module is deliberately broken.
/// </summary>
internal sealed class WorkspaceModel
{
    private readonly List<Module> _modules = [];
    private int _nextConfig;

    public WorkspaceModel(int modules)
    {
        for (var i = 0; i < modules; i++)
        {
            _modules.Add(new Module(i));
        }
    }

    /// <summary>One random edit, as numbers the generator shrinks.</summary>
    public readonly record struct Edit(int Kind, int A, int B)
    {
        public override string ToString() => $"({Kind},{A},{B})";
    }

    public bool Broken => _modules.Any(m => m.Broken);

    public void Apply(Edit edit)
    {
        var module = _modules[edit.A % _modules.Count];
        var configs = _modules.SelectMany(m => m.Configs).ToList();
        switch (edit.Kind)
        {
            case 0:
                module.Constant = edit.B % 4;
                break;
            case 1:
                module.Comment++;
                break;
            case 2:
                var needs = new[] { edit.B, edit.B / 7 }.Where(_ => configs.Count > 0).Select(n => configs[n % configs.Count].Id).Distinct().Take(1 + edit.B % 2).ToList();
                module.Configs.Add(new Config(_nextConfig++, needs));
                break;
            case 3 when configs.Count > 0:
                var removed = configs[edit.B % configs.Count];
                _modules.First(m => m.Configs.Contains(removed)).Configs.Remove(removed);
                configs.ForEach(c => c.Needs.Remove(removed.Id));
                break;
            case 4 when module.Number > 0:
                var imported = edit.B % module.Number;
                if (!module.Imports.Contains(imported))
                {
                    module.Imports.Add(imported);
                }
                break;
            case 5 when module.Imports.Count > 0:
                module.Imports.RemoveAt(edit.B % module.Imports.Count);
                break;
            case 6:
                module.Broken = !module.Broken;
                break;
            case 7:
                module.Generation++; // renames the file; its importers' import lines change with it
                break;
        }
    }

    /// <summary>Writes the folder as it is now, deleting files of modules that were renamed.</summary>
    public void Write(TempFolder folder)
    {
        foreach (var stale in Directory.GetFiles(folder.Path, "*.py").Where(f => _modules.All(m => m.FileName != Path.GetFileName(f))))
        {
            File.Delete(stale);
        }
        foreach (var module in _modules)
        {
            var path = Path.Combine(folder.Path, module.FileName);
            var source = Source(module);
            if (!File.Exists(path) || File.ReadAllText(path) != source)
            {
                folder.Write(module.FileName, source);
            }
        }
    }

    /// <summary>Every config's value, by name, in definition order (by file name, then line).</summary>
    public Dictionary<string, long> Values()
    {
        var values = new Dictionary<int, long>();
        foreach (var config in _modules.SelectMany(m => m.Configs.Select(c => (Module: m, Config: c))).OrderBy(p => p.Config.Id))
        {
            values[config.Config.Id] = config.Module.Constant + config.Module.Imports.Sum(i => _modules[i].Constant) + config.Config.Needs.Sum(n => values[n]);
        }
        return _modules.OrderBy(m => m.FileName, StringComparer.Ordinal)
            .SelectMany(m => m.Configs)
            .ToDictionary(c => c.Name, c => values[c.Id]);
    }

    /// <summary>
    /// Advances the model past one evaluation and returns the configs that must run (null when the
    /// evaluation fails). A module runs when its source changed, it failed last time, or a module it
    /// imported runs; a config runs when it is new, its module ran since it last did, or a value it
    /// needs differs from the one it last saw.
    /// </summary>
    public List<string>? Evaluate()
    {
        var names = _modules.ToDictionary(m => m.Name, m => m);
        var gone = _modules.SelectMany(m => m.LoadedAs is { } old && old != m.Name ? [old] : Array.Empty<string>()).ToHashSet();
        var running = _modules.Where(m => m.LastSource != Source(m) || m.Failed || m.LoadedAs != m.Name).ToHashSet();
        var changedNames = running.Select(m => m.Name).Concat(gone).ToHashSet();
        bool grew;
        do
        {
            grew = false;
            foreach (var module in _modules.Where(m => !running.Contains(m) && m.LastImports.Overlaps(changedNames)))
            {
                running.Add(module);
                changedNames.Add(module.Name);
                grew = true;
            }
        }
        while (grew);
        foreach (var module in running.OrderBy(m => m.Number))
        {
            module.Runs++;
            module.LastSource = Source(module);
            module.LoadedAs = module.Name;
            module.LastImports = module.Imports.Select(i => _modules[i].Name).ToHashSet();
            module.Failed = module.Broken || module.Imports.Any(i => _modules[i].Failed);
        }
        if (_modules.Any(m => m.Failed))
        {
            return null;
        }
        var values = Values();
        var ran = new List<string>();
        foreach (var (module, config) in _modules.SelectMany(m => m.Configs.Select(c => (m, c))).OrderBy(p => p.c.Id))
        {
            var seen = config.Needs.ToDictionary(n => n, n => values[$"c{n}"]);
            if (config.RanWithModuleRun != module.Runs || !seen.OrderBy(p => p.Key).SequenceEqual(config.Seen.OrderBy(p => p.Key)))
            {
                ran.Add(config.Name);
                config.RanWithModuleRun = module.Runs;
                config.Seen = seen;
            }
        }
        _ = names;
        return ran;
    }

    private string Source(Module module)
    {
        var text = new StringBuilder("from breezeblock import configure\n");
        foreach (var imported in module.Imports)
        {
            text.Append($"import {_modules[imported].Name}\n");
        }
        text.Append($"# edit {module.Comment}\nK = {module.Constant}\n");
        foreach (var config in module.Configs)
        {
            var terms = new[] { "K" }.Concat(module.Imports.Select(i => $"{_modules[i].Name}.K")).Concat(config.Needs.Select(n => $"c{n}"));
            text.Append($"\n\n@configure\ndef {config.Name}({string.Join(", ", config.Needs.Select(n => $"c{n}"))}):\n    return {string.Join(" + ", terms)}\n");
        }
        if (module.Broken)
        {
            text.Append("\ndef broken(:\n    pass\n");
        }
        return text.ToString();
    }

    private sealed class Module(int number)
    {
        public int Number { get; } = number;

        public int Constant { get; set; } = number;

        public int Comment { get; set; }

        public int Generation { get; set; }

        public bool Broken { get; set; }

        public List<int> Imports { get; } = [];

        public List<Config> Configs { get; } = [];

        public string Name => $"m{Number}_{Generation}";

        public string FileName => Name + ".py";

        // What the last evaluation loaded.
        public string? LastSource { get; set; }

        public string? LoadedAs { get; set; }

        public HashSet<string> LastImports { get; set; } = [];

        public bool Failed { get; set; }

        public int Runs { get; set; }
    }

    private sealed class Config(int id, List<int> needs)
    {
        public int Id { get; } = id;

        public string Name => $"c{Id}";

        public List<int> Needs { get; } = needs;

        public int RanWithModuleRun { get; set; } = -1;

        public Dictionary<int, long> Seen { get; set; } = [];
    }
}
