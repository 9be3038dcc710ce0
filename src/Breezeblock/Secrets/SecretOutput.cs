namespace Breezeblock;

/// <summary>
/// How a result's text output (<see cref="ConfigResult.ToJson(bool, SecretOutput?)"/>, YAML, snapshots)
/// writes secrets: as a marker (the default), as a marker with a keyed hash of the value (so that two
/// outputs can be compared), or as their values.
/// </summary>
public sealed class SecretOutput
{
    private SecretOutput(SecretText text) => Text = text;

    internal SecretText Text { get; }

    /// <summary>Each secret is written <c>(secret)</c>.</summary>
    public static SecretOutput Redacted { get; } = new(SecretText.Redact);

    /// <summary>Each secret is written as its value: for output that goes where the values are needed.</summary>
    public static SecretOutput Revealed { get; } = new(SecretText.Reveal);

    /// <summary>
    /// Each secret is written <c>(secret 0123456789abcdef)</c>: 64 bits of HMAC-SHA256 of its value
    /// under <paramref name="key"/>. Outputs made with the same key show whether a secret changed,
    /// and without the key say nothing about the value.
    /// </summary>
    /// <exception cref="ArgumentException">The key is shorter than 16 bytes.</exception>
    public static SecretOutput Hashed(ReadOnlySpan<byte> key)
    {
        if (key.Length < 16)
        {
            throw new ArgumentException(Messages.SecretKeyTooShort(key.Length), nameof(key));
        }
        return new(SecretText.Hashed(key.ToArray()));
    }
}
