using System.CommandLine;
using System.CommandLine.Parsing;

namespace Breezeblock.Cli;

/// <summary>
/// <c>breezeblock lsp</c>: the language server, on stdin and stdout, until the editor says exit. Its
/// options (inputs, values files, time limit, isolation) hold for every folder, under what each
/// folder's settings in the editor add. The native command hands it to its JIT build, which carries
/// the JSON-RPC library (JitHandoff.cs).
/// </summary>
internal static class LspCommand
{
    public static Command Create(CliSetup setup)
    {
        var evaluation = new EvaluationOptions();
        var command = new Command("lsp", CliMessages.LspDescription);
        foreach (var option in evaluation.All(targets: false))
        {
            command.Options.Add(option);
        }
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, setup);
            return context.Guard(() =>
            {
                evaluation.Build(context); // a malformed option is a usage error now, not in every folder later
                var arguments = parsed.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value).ToList();
#if NATIVE
                return context.Usage(JitHandoff.Exec(["lsp", .. arguments]));
#else
                if (setup.Streams.Out is not StreamWriter { BaseStream: var output })
                {
                    return context.Usage(CliMessages.LspNeedsStdout);
                }
                Program.LongRunning = true;
                using var input = Console.OpenStandardInput();
                return LanguageServer.LspServer.Serve(input, output, arguments, setup).GetAwaiter().GetResult();
#endif
            });
        });
        return command;
    }
}
