namespace Breezeblock;

internal static partial class Messages
{
    // ---- secrets ----

    /// <summary>Python's str.format template for secret() given something other than a str.</summary>
    public const string SecretNotTextTemplate = "secret() takes a str, got {type}; a secret is text (str(value) first for a number)";

    /// <summary>Python's str.format template for an operation a Secret refuses.</summary>
    public const string SecretHiddenTemplate = "a Secret's text is a placeholder, so {operation} would not see the value: call .reveal() to compute with the value, and secret() on the result to keep it secret";

    public const string SecretCompared = "a Secret compares only with another Secret (==, !=); to compare its value with a str, use .reveal()";

    public const string SecretPickled = "a Secret cannot be pickled: pickling would write its value out; .reveal() it where the value must go";

    public const string SecretUnknown = "this Secret was made in another process, which this one does not know the value of";

    public static string SecretKeyTooShort(int length) => $"a key for hashing secrets needs at least 16 bytes, got {length}";

    public static string SecretAlsoInput(string name) => $"'{name}' is given both as an input and as a secret";

    public const string SecretAlsoInputHint = "give each name once: a secret input is an input whose value is secret";

    /// <summary>How an input that is secret appears where inputs are listed.</summary>
    public const string SecretInput = "secret input";
}
