using System.Globalization;

namespace Breezeblock;

/// <summary>What can name a config: what Python accepts as a function's or parameter's name.</summary>
public static class ConfigNames
{
    /// <summary>
    /// True when <paramref name="name"/> is a Python identifier (PEP 3131: a letter or <c>_</c>, then
    /// letters, digits, marks and connectors) that is not a keyword: a config of that name can be
    /// defined, and a parameter can receive it.
    /// </summary>
    public static bool IsValid(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || PythonNames.IsKeyword(name) || !Starts(name[0]))
        {
            return false;
        }
        foreach (var c in name.AsSpan(1))
        {
            if (!Starts(c) && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation))
            {
                return false;
            }
        }
        return true;
    }

    private static bool Starts(char c) => c == '_' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
}
