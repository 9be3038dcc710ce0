using System.CommandLine;

namespace Breezeblock.Cli;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string[]> Host() => new("--host")
    {
        Description = "An application assembly whose IConfigHost registers the host modules (types and functions) the configs import (repeatable)",
        HelpName = "PATH.dll",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string?> Python() => new("--python")
    {
        Description = "The Python to use: a libpython3.X.so, a python executable or a virtual environment (default: BREEZEBLOCK_PYTHON, VIRTUAL_ENV, python3 on PATH, well-known locations)",
        HelpName = "PATH",
    };
}
