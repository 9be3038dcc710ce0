namespace Breezeblock;

/// <summary>
/// Masks the secrets this process knows (Python secrets' placeholders, and the values of secrets
/// and <see cref="SecretString"/>s, those of 4 characters or more) in text an application is about to
/// show or log, as Breezeblock does in its own output; and reveals placeholders in text that holds
/// them, for an application that received one in a host object's plain string member.
/// </summary>
public static class SecretMasking
{
    /// <summary>True once this process knows a secret (before that, nothing needs masking).</summary>
    public static bool Any => SecretTable.Count > 0;

    /// <summary><paramref name="text"/> with each secret as <c>(secret)</c>; the same instance when it holds none.</summary>
    public static string Redact(string text) => SecretText.Redact.Apply(text);

    /// <summary><paramref name="text"/> with each placeholder this process knows replaced by the secret's value.</summary>
    public static string Reveal(string text) => SecretText.Reveal.Apply(text);

    /// <summary>True when <paramref name="text"/> holds a secret <see cref="Redact"/> would mask.</summary>
    public static bool IsIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SecretText.Redact.Affects(text);
    }
}
