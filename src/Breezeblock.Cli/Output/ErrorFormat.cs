namespace Breezeblock.Cli;

/// <summary>How errors are written to stderr (<c>--error-format</c>).</summary>
internal enum ErrorFormat
{
    /// <summary>For people: a header, a code frame with a caret, the traceback and the hint.</summary>
    Text,

    /// <summary>One JSON object per error per line, for programs.</summary>
    Json,

    /// <summary>GitHub Actions workflow commands (<c>::error file=…,line=…::…</c>), which annotate the lines in a pull request.</summary>
    Github,
}
