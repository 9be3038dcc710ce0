using System.Text;

namespace Breezeblock.Python;

/// <summary>
/// The arguments of a call from Python into .NET: positional values, then keyword names and values.
/// Lent for the duration of the call, like <see cref="PyArgument"/>.
/// </summary>
public readonly ref struct PyArguments
{
    private readonly ReadOnlySpan<nint> _positional;
    private readonly ReadOnlySpan<nint> _keywordNames;
    private readonly ReadOnlySpan<nint> _keywordValues;

    private readonly nint _keywordNamesTuple;

    internal PyArguments(ReadOnlySpan<nint> positional, ReadOnlySpan<nint> keywordNames, ReadOnlySpan<nint> keywordValues, nint keywordNamesTuple = 0)
    {
        _positional = positional;
        _keywordNames = keywordNames;
        _keywordValues = keywordValues;
        _keywordNamesTuple = keywordNamesTuple;
    }

    /// <summary>The call's tuple of keyword names (borrowed), when it came as one; 0 otherwise.</summary>
    internal nint KeywordNamesTuple => _keywordNamesTuple;

    internal nint PositionalHandle(int index) => _positional[index];

    internal nint KeywordNameHandle(int index) => _keywordNames[index];

    internal nint KeywordValueHandle(int index) => _keywordValues[index];

    /// <summary>How many positional arguments were passed.</summary>
    public int PositionalCount => _positional.Length;

    /// <summary>How many keyword arguments were passed.</summary>
    public int KeywordCount => _keywordNames.Length;

    /// <summary>The positional argument at <paramref name="index"/>.</summary>
    public PyArgument this[int index] => new(_positional[index]);

    /// <summary>The name of the keyword argument at <paramref name="index"/>.</summary>
    public string KeywordName(int index) => PyStrings.ToString(_keywordNames[index]);

    /// <summary>The name of the keyword argument at <paramref name="index"/> as UTF-8, without allocating.</summary>
    public ReadOnlySpan<byte> KeywordNameUtf8(int index) =>
        PyStrings.TryGetUtf8(_keywordNames[index], out var utf8) ? utf8 : Encoding.UTF8.GetBytes(KeywordName(index));

    /// <summary>The value of the keyword argument at <paramref name="index"/>.</summary>
    public PyArgument KeywordValue(int index) => new(_keywordValues[index]);

    /// <summary>The same arguments without the first positional one (a method's self).</summary>
    internal PyArguments WithoutFirst() => new(_positional[1..], _keywordNames, _keywordValues);

    /// <summary>The keyword argument called <paramref name="name"/>, if passed.</summary>
    public bool TryGetKeyword(string name, out PyArgument value)
    {
        var utf8 = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i < _keywordNames.Length; i++)
        {
            if (KeywordNameUtf8(i).SequenceEqual(utf8))
            {
                value = new PyArgument(_keywordValues[i]);
                return true;
            }
        }
        value = default;
        return false;
    }
}
