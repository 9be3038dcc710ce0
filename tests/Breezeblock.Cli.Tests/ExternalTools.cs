using System.Diagnostics;

namespace Breezeblock.Cli.Tests;

/// <summary>
/// The programs some tests hand the command's output to: Graphviz's <c>dot</c>, node with pyright and
/// Mermaid (tests/tools, pinned); and bubblewrap, which sandboxes the hermetic worker. <c>.ci/run</c> installs them. A test that needs a missing one fails
/// under CI and is skipped elsewhere, saying how to install it.
/// </summary>
internal static class ExternalTools
{
    public static readonly string Folder = Path.Combine(Cli.RepositoryRoot, "tests", "tools");

    public static string Bubblewrap() => Require(FindOnPath("bwrap"), "bubblewrap", "apt-get install bubblewrap");

    public static string Dot() => Require(FindOnPath("dot"), "Graphviz's dot", "apt-get install graphviz");

    public static string Pyright() => Require(Existing(Path.Combine(Folder, "node_modules", ".bin", "pyright")), "pyright", "npm ci --prefix tests/tools");

    public static (string Node, string Script) Mermaid()
    {
        var node = Require(FindOnPath("node"), "node", "install Node.js 18 or newer");
        Require(Existing(Path.Combine(Folder, "node_modules", "mermaid", "package.json")), "mermaid", "npm ci --prefix tests/tools");
        return (node, Path.Combine(Folder, "check-mermaid.mjs"));
    }

    public static (string Node, string Script) LspClient()
    {
        var node = Require(FindOnPath("node"), "node", "install Node.js 18 or newer");
        Require(Existing(Path.Combine(Folder, "node_modules", "vscode-languageserver-protocol", "package.json")), "vscode-languageserver-protocol", "npm ci --prefix tests/tools");
        return (node, Path.Combine(Folder, "lsp-client.mjs"));
    }

    /// <summary>npx, once <paramref name="installed"/> (a package's package.json) shows the packages it runs are installed.</summary>
    public static string Npx(string installed, string install)
    {
        var npx = Require(FindOnPath("npx"), "npx", "install Node.js 18 or newer");
        Require(Existing(installed), Path.GetFileName(Path.GetDirectoryName(installed))!, install);
        return npx;
    }

    /// <summary>Runs a program, feeding it <paramref name="input"/>; returns its exit code and output.</summary>
    public static (int Exit, string Stdout, string Stderr) Run(string program, string? input, string? directory, params string[] args) =>
        ChildProcess.Run(ChildProcess.StartInfo(program, args, directory), TimeSpan.FromMinutes(3), input);

    private static string Require(string? path, string what, string install)
    {
        if (path is not null)
        {
            return path;
        }
        var message = $"{what} is not installed; .ci/run installs it ({install})";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(message);
        }
        Assert.Skip(message);
        return "";
    }

    private static string? Existing(string path) => File.Exists(path) ? path : null;

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
