namespace Breezeblock;

/// <summary>
/// What <see cref="ConfigWorkspace.Check(IEnumerable{string}?)"/> found without running any configure function: every
/// problem the modules, the graph and the inputs have, and the configs with where each of their
/// parameters comes from. With errors, <see cref="Configs"/> holds what could be read, with the
/// parameters that could be resolved.
/// </summary>
public sealed class ConfigCheck
{
    internal ConfigCheck(IReadOnlyList<ConfigProvenance> configs, IReadOnlyList<ConfigError> errors, IReadOnlyList<ConfigError> warnings, TimeSpan duration, IReadOnlyList<CheckProvenance>? checks = null,
        IReadOnlyDictionary<string, string>? schemas = null)
    {
        Schemas = schemas ?? new Dictionary<string, string>();
        Configs = configs;
        Checks = checks ?? [];
        Errors = errors;
        Warnings = warnings.Select(w => w.AsWarning()).ToList(); // whatever made them, these did not stop the evaluation
        Duration = duration;
    }

    /// <summary>The configs (all, or the targets and what they need), in definition order.</summary>
    public IReadOnlyList<ConfigProvenance> Configs { get; }

    /// <summary>The checks (<c>@check</c>) an evaluation would run, in definition order, with what each parameter resolved to.</summary>
    public IReadOnlyList<CheckProvenance> Checks { get; }

    /// <summary>
    /// When asked for (<see cref="ConfigWorkspace.Check(IEnumerable{string}?, bool)"/>): the JSON Schema
    /// (2020-12) of each config whose function annotates its return, as indented JSON text, by name.
    /// </summary>
    public IReadOnlyDictionary<string, string> Schemas { get; }

    /// <summary>Every error found, by file and line: syntax and import errors, missing dependencies, duplicates, cycles, unusable signatures, bad inputs, unknown targets.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    /// <summary>Problems that would not stop an evaluation (an input no config uses, when the host does not ask for strict inputs).</summary>
    public IReadOnlyList<ConfigError> Warnings { get; }

    /// <summary>True when there is no error.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>How long the check took.</summary>
    public TimeSpan Duration { get; }
}
