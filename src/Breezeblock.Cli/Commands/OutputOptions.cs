using System.CommandLine;

namespace Breezeblock.Cli;

/// <summary>Where and how <c>eval</c> and <c>watch</c> write results: <c>--format</c>, <c>--output</c>, <c>--output-dir</c>.</summary>
internal sealed class OutputOptions
{
    public OutputOptions()
    {
        Format.AcceptOnlyFromAmong("json", "yaml");
    }

    public Option<string> Format { get; } = new("--format", "-f")
    {
        Description = "Output format",
        DefaultValueFactory = _ => "json",
    };

    public Option<string?> File { get; } = new("--output", "-o")
    {
        Description = "Write the result to this file (atomically) instead of stdout",
        HelpName = "FILE",
    };

    public Option<string?> Directory { get; } = new("--output-dir")
    {
        Description = "Write one file per config into this folder (NAME.json or NAME.yaml); files of configs that are gone are removed (with --target, only the targets' files are written or removed), nothing else is touched",
        HelpName = "DIR",
    };

    public Option<bool> RevealSecrets { get; } = new("--reveal-secrets")
    {
        Description = "Write secrets' values instead of (secret …) markers, for output that goes where the values are needed (a pipe to kubectl); with --output or --output-dir, also --reveal-secrets-in-files",
    };

    public Option<bool> RevealSecretsInFiles { get; } = new("--reveal-secrets-in-files")
    {
        Description = "Allow --reveal-secrets to write secrets' values into files (--output, --output-dir)",
    };

    public IEnumerable<Option> All => [Format, File, Directory, RevealSecrets, RevealSecretsInFiles];

    /// <summary>Adds the options to <paramref name="command"/>, with the rule that one output place is chosen.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
        command.Validators.Add(result =>
        {
            if (result.GetValue(File) is not null && result.GetValue(Directory) is not null)
            {
                result.AddError(CliMessages.OutputOrOutputDir);
            }
            else if (result.GetValue(RevealSecrets) && !result.GetValue(RevealSecretsInFiles) && (result.GetValue(File) ?? result.GetValue(Directory)) is { } place)
            {
                result.AddError(CliMessages.RevealIntoFiles(result.GetValue(File) is null ? "--output-dir" : "--output", place));
            }
        });
    }

    /// <summary>Where results go; with <paramref name="targets"/>, a folder's files of other configs are left as they are.</summary>
    public ResultOutput Create(CliContext context, IReadOnlyList<string>? targets) => new(context.Get(Format)!, context.Get(File), context.Get(Directory), targets, context.Get(RevealSecrets));
}
