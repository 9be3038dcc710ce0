namespace Breezeblock.Cli;

/// <summary>
/// ANSI colours for a terminal, or plain text. Colour is on only when the stream is a terminal, unless
/// <c>--no-color</c> or <c>NO_COLOR</c> turn it off, <c>TERM=dumb</c> asks for none, or
/// <c>FORCE_COLOR</c> turns it on for a pipe.
/// </summary>
internal sealed class Style(bool enabled)
{
    public static readonly Style Plain = new(false);

    public bool Enabled { get; } = enabled;

    public static bool ShouldColor(bool noColorOption, bool isTerminal, Func<string, string?> environment)
    {
        if (noColorOption || !string.IsNullOrEmpty(environment("NO_COLOR")))
        {
            return false;
        }
        if (environment("FORCE_COLOR") is { Length: > 0 } force && force != "0")
        {
            return true;
        }
        return isTerminal && environment("TERM") != "dumb";
    }

    public string Error(string text) => Wrap("1;31", text);

    public string Warning(string text) => Wrap("1;33", text);

    public string Bold(string text) => Wrap("1", text);

    public string Gutter(string text) => Wrap("1;34", text);

    public string Marker(string text) => Wrap("1;31", text);

    public string Hint(string text) => Wrap("1;36", text);

    public string Dim(string text) => Wrap("2", text);

    public string Added(string text) => Wrap("32", text);

    public string Removed(string text) => Wrap("31", text);

    public string Changed(string text) => Wrap("33", text);

    private string Wrap(string code, string text) => Enabled && text.Length > 0 ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
