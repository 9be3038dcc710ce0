using System.Text.Encodings.Web;
using System.Text.Json;

namespace Breezeblock.Cli;

/// <summary>The JSON settings of everything the CLI itself writes: compact (or indented), and text kept as written.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The same, indented: documents people read (schemas).</summary>
    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}
