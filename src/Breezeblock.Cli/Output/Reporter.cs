using System.Text;
using System.Text.Json.Nodes;

namespace Breezeblock.Cli;

/// <summary>
/// Everything a command says on stderr: errors and warnings in the chosen <see cref="ErrorFormat"/>,
/// and progress notes for people (left out by <c>--quiet</c>, and in JSON, where stderr holds only
/// JSON lines).
/// </summary>
internal sealed class Reporter(TextWriter stderr, ErrorFormat format, Style style, bool quiet)
{
    public Style Style => style;

    public ErrorFormat Format => format;

    /// <summary>Errors from the configuration, then (in text) the note on configs that did not run.</summary>
    public void Errors(IReadOnlyList<ConfigError> errors, IReadOnlyCollection<string> skipped)
    {
        switch (format)
        {
            case ErrorFormat.Json:
                foreach (var error in errors)
                {
                    stderr.WriteLine(error.ToJson());
                }
                if (skipped.Count > 0)
                {
                    stderr.WriteLine(Line("Skipped", "note", ErrorFormatter.SkippedNote(skipped), new JsonArray([.. skipped.Select(name => (JsonNode?)name)])));
                }
                break;
            case ErrorFormat.Github:
                foreach (var error in errors)
                {
                    stderr.WriteLine(GithubAnnotation("error", error));
                }
                if (skipped.Count > 0)
                {
                    stderr.WriteLine("::notice::" + EscapeData(ErrorFormatter.SkippedNote(skipped)));
                }
                break;
            default:
                stderr.WriteLine(ErrorText.Render(errors, skipped, style));
                break;
        }
        stderr.Flush();
    }

    public void Warnings(IReadOnlyList<ConfigError> warnings)
    {
        foreach (var warning in warnings)
        {
            stderr.WriteLine(format switch
            {
                ErrorFormat.Json => warning.ToJson(),
                ErrorFormat.Github => GithubAnnotation("warning", warning),
                _ => ErrorText.Render(warning, style, "warning"),
            });
        }
    }

    /// <summary>A failure that is not in the configuration (the command line, no Python, a broken host assembly); in JSON, the same fields as a configuration error's.</summary>
    public void Failure(string kind, string message, string? file = null, string? details = null)
    {
        var full = details is null ? message : message + "\n" + details;
        stderr.WriteLine(format switch
        {
            ErrorFormat.Json => Line(kind, "error", message, null, file, details),
            ErrorFormat.Github => "::error " + (file is null ? "" : "file=" + EscapeProperty(file) + ",") + "title=" + EscapeProperty(kind) + "::" + EscapeData(full),
            _ => style.Error("error:") + " " + (file is null ? "" : style.Bold(file + ":") + " ") + full,
        });
        stderr.Flush();
    }

    /// <summary>A line for people: progress, summaries, where files went. Not in JSON, not with --quiet.</summary>
    public void Info(string line)
    {
        if (!quiet && format != ErrorFormat.Json)
        {
            stderr.WriteLine(line);
            stderr.Flush();
        }
    }

    /// <summary>Text the user asked for on stderr (<c>--timings</c>): written whatever <c>--quiet</c> says.</summary>
    public void Always(string text)
    {
        stderr.WriteLine(text);
        stderr.Flush();
    }

    // A JSON line with the fields of a configuration error's, for what is not one: the command line, a note.
    private static string Line(string kind, string severity, string message, JsonArray? configs, string? file = null, string? details = null)
    {
        var line = new JsonObject
        {
            ["kind"] = kind,
            ["severity"] = severity,
            ["message"] = message,
            ["file"] = file,
            ["path"] = file is null ? null : Path.GetFullPath(file),
            ["line"] = null,
            ["column"] = null,
            ["end_column"] = null,
            ["config"] = null,
            ["check"] = null,
            ["hint"] = null,
            ["details"] = new JsonArray([.. (details?.Split('\n') ?? []).Select(d => (JsonNode?)d)]),
            ["frames"] = new JsonArray(),
        };
        if (configs is not null)
        {
            line["configs"] = configs;
        }
        return line.ToJsonString(CliJson.Options);
    }

    private static string GithubAnnotation(string level, ConfigError error)
    {
        var properties = new List<string>();
        if (error.Location is { } location)
        {
            properties.Add("file=" + EscapeProperty(Path.GetRelativePath(Environment.CurrentDirectory, location.Path)));
            if (location.Line > 0)
            {
                properties.Add("line=" + location.Line);
            }
            if (location.Column > 0)
            {
                properties.Add("col=" + location.Column);
                if (location.EndColumn > location.Column)
                {
                    properties.Add("endColumn=" + location.EndColumn);
                }
            }
        }
        properties.Add("title=" + EscapeProperty(error.Kind.ToString()));
        var message = new StringBuilder(error.Message);
        foreach (var detail in error.Details)
        {
            message.Append('\n').Append(detail);
        }
        if (error.Hint is { } hint)
        {
            message.Append("\nhint: ").Append(hint);
        }
        return $"::{level} {string.Join(',', properties)}::{EscapeData(message.ToString())}";
    }

    // GitHub's workflow command escaping: data escapes %, CR and LF; properties also : and ,.
    private static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
