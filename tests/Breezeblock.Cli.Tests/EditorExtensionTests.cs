using System.IO.Compression;
using System.Text.Json;

namespace Breezeblock.Cli.Tests;

/// <summary>
/// editors/vscode packs into a .vsix with @vscode/vsce (its pinned devDependency): the TypeScript
/// compiles (strict), and the package holds the compiled extension, its manifest and the language
/// client it starts the server with.
/// </summary>
public sealed class EditorExtensionTests
{
    private static readonly string Extension = Path.Combine(Cli.RepositoryRoot, "editors", "vscode");

    [Fact]
    public void The_VS_Code_extension_packs_into_a_vsix_that_starts_breezeblock_lsp()
    {
        var npx = ExternalTools.Npx(Path.Combine(Extension, "node_modules", "@vscode", "vsce", "package.json"), "npm ci --prefix editors/vscode");
        using var output = new TempFolder();
        var vsix = Path.Combine(output.Path, "breezeblock.vsix");
        var (exit, stdout, stderr) = ExternalTools.Run(npx, null, Extension, "vsce", "package", "--out", vsix);
        Assert.True(exit == 0, stdout + stderr);

        using var package = ZipFile.OpenRead(vsix);
        var names = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("extension/out/extension.js", names);
        Assert.Contains("extension/node_modules/vscode-languageclient/package.json", names);
        Assert.DoesNotContain(names, n => n.StartsWith("extension/src/", StringComparison.Ordinal) || n.StartsWith("extension/node_modules/typescript/", StringComparison.Ordinal));

        using var manifest = JsonDocument.Parse(Read(package, "extension/package.json"));
        Assert.Equal("./out/extension.js", manifest.RootElement.GetProperty("main").GetString());
        var settings = manifest.RootElement.GetProperty("contributes").GetProperty("configuration").GetProperty("properties");
        Assert.Equal("resource", settings.GetProperty("breezeblock.timeout").GetProperty("scope").GetString());
        Assert.Equal("resource", settings.GetProperty("breezeblock.isolate").GetProperty("scope").GetString());

        var code = Read(package, "extension/out/extension.js");
        Assert.Contains("\"lsp\"", code);
        Assert.Contains("breezeblock/evaluated", code);
        Assert.Contains("breezeblock/value", code);
    }

    private static string Read(ZipArchive package, string name)
    {
        using var reader = new StreamReader(package.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
