using System.CommandLine;

namespace Breezeblock.Cli;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string?> Python() => new("--python")
    {
        Description = "The Python to use: a libpython3.X.so, a python executable or a virtual environment (default: BREEZEBLOCK_PYTHON, VIRTUAL_ENV, python3 on PATH, well-known locations)",
        HelpName = "PATH",
    };
}
