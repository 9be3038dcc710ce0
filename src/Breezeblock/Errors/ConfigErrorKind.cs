namespace Breezeblock;

/// <summary>What went wrong in a configuration.</summary>
public enum ConfigErrorKind
{
    /// <summary>A file does not parse.</summary>
    SyntaxError,

    /// <summary>A module raised while it was imported.</summary>
    ImportError,

    /// <summary>A configure function raised while it ran.</summary>
    EvaluationError,

    /// <summary>A parameter names no config, no input and has no default.</summary>
    MissingDependency,

    /// <summary>Two configure functions have the same name.</summary>
    DuplicateName,

    /// <summary>Configs need each other in a cycle.</summary>
    Cycle,

    /// <summary>A configure function's signature cannot be wired (<c>*args</c>, <c>**kwargs</c>).</summary>
    InvalidSignature,

    /// <summary>A result holds a value the output format cannot represent.</summary>
    UnrepresentableResult,

    /// <summary>A result cannot be converted to the requested .NET type.</summary>
    ConversionError,

    /// <summary>A requested target is not a config.</summary>
    UnknownTarget,

    /// <summary>A module's name is already taken by an installed or host module.</summary>
    ModuleNameCollision,

    /// <summary>The config folder does not exist or cannot be read.</summary>
    FolderNotFound,

    /// <summary>An input names no config and no parameter (an error where the host asks for strict inputs, else a warning).</summary>
    UnusedInput,

    /// <summary>An input's value cannot be given to Python.</summary>
    InvalidInput,

    /// <summary>The evaluation did not finish within its time limit and was stopped.</summary>
    Timeout,

    /// <summary>Config code did what a hermetic evaluation does not allow (read outside its folder, write, network, processes, environment).</summary>
    HermeticViolation,

    /// <summary>The isolated worker process running the configs died (a crash, an exit, its memory limit).</summary>
    WorkerDied,

    /// <summary>Config code started a thread that was still running when the evaluation ended (a warning).</summary>
    ThreadLeftRunning,

    /// <summary>The evaluation was told to stop and did not (blocked in a call that does not return to Python); it was given up on.</summary>
    Unstoppable,

    /// <summary>The folder has no .py files, or none of its functions is marked <c>@configure</c> (a warning: the result is empty).</summary>
    NoConfigs,

    /// <summary>Python runs in this process with a random hash seed though the engine asked for a fixed one, so set order may differ between runs (a warning).</summary>
    RandomHashSeed,

    /// <summary>A check (<c>@check</c>) failed: an assertion did not hold, or the check raised.</summary>
    CheckFailed,

    /// <summary>Annotations that cannot match (a parameter and the config it receives), or a config's value that does not fit its return annotation.</summary>
    TypeMismatch,
}
