using System.CommandLine;

namespace Breezeblock.Cli;

/// <summary>The options every command takes: which Python, how errors look, how much is said.</summary>
internal sealed class GlobalOptions
{
    public readonly Option<string?> Python = new("--python")
    {
        Description = "The Python to use: a libpython3.X.so, a python executable or a virtual environment (default: BREEZEBLOCK_PYTHON, VIRTUAL_ENV, python3 on PATH, well-known locations)",
        HelpName = "PATH",
        Recursive = true,
    };

    public readonly Option<bool> NoColor = new("--no-color")
    {
        Description = "No colour in what is written to the terminal (also: the NO_COLOR environment variable)",
        Recursive = true,
    };

    public readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Say nothing on stderr but errors and warnings",
        Recursive = true,
    };

    public readonly Option<string> ErrorFormat = new("--error-format")
    {
        Description = "How errors are written to stderr: text for people, json (one object per line) for programs, github for GitHub Actions annotations",
        DefaultValueFactory = _ => "text",
        Recursive = true,
    };

    public GlobalOptions()
    {
        ErrorFormat.AcceptOnlyFromAmong("text", "json", "github");
    }

    public static ErrorFormat ParseErrorFormat(string? text) => text switch
    {
        "json" => Cli.ErrorFormat.Json,
        "github" => Cli.ErrorFormat.Github,
        _ => Cli.ErrorFormat.Text,
    };

    public IEnumerable<Option> All => [Python, NoColor, Quiet, ErrorFormat];
}
