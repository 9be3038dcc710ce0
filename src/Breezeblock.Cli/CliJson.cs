using System.Text.Encodings.Web;
using System.Text.Json;

namespace Breezeblock.Cli;

/// <summary>The JSON settings of everything the CLI itself writes: compact, and text kept as written.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
