namespace Breezeblock.Cli;

/// <summary>Where a run of the command writes, and whether a person is watching (a terminal gets colour).</summary>
/// <param name="Out">Results: JSON, YAML, graphs, plans. Nothing else.</param>
/// <param name="Error">Errors, warnings and notes for people.</param>
/// <param name="OutIsTerminal">True when <paramref name="Out"/> is a terminal.</param>
/// <param name="ErrorIsTerminal">True when <paramref name="Error"/> is a terminal.</param>
/// <param name="Stop">Ends a long-running command (<c>watch</c>): Ctrl+C, SIGTERM, or a test.</param>
internal sealed record CliStreams(TextWriter Out, TextWriter Error, bool OutIsTerminal, bool ErrorIsTerminal, CancellationToken Stop);

/// <summary>What every command is built with: the global options (one set per run) and the streams.</summary>
internal sealed record CliSetup(GlobalOptions Globals, CliStreams Streams);
