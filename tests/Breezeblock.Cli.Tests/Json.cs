namespace Breezeblock.Tests;

internal static class Json
{
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text, Relaxed);
}
