using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// str conversions that lose nothing: .NET strings may hold lone surrogates and Python str may hold
/// lone surrogate code points, so both directions fall back to a surrogate-preserving path when
/// strict UTF-8 cannot represent the text.
/// </summary>
[SkipLocalsInit] // the stack buffers are written before they are read
internal static unsafe class PyStrings
{
    private static readonly byte* SurrogatePass = Utf8Literal("surrogatepass"u8);

    /// <summary>New reference to a Python str equal to <paramref name="text"/>.</summary>
    public static nint FromString(string text) => FromChars(text.AsSpan());

    /// <summary>New reference to a Python str equal to <paramref name="text"/>.</summary>
    public static nint FromChars(ReadOnlySpan<char> text)
    {
        if (text.Length <= 256)
        {
            Span<byte> buffer = stackalloc byte[text.Length * 3];
            if (Utf8.FromUtf16(text, buffer, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                fixed (byte* p = buffer)
                {
                    return Check.NotNull(CApi.PyUnicode_FromStringAndSize(p, written));
                }
            }
            return FromUtf16(text);
        }
        var rented = ArrayPool<byte>.Shared.Rent(text.Length * 3);
        try
        {
            if (Utf8.FromUtf16(text, rented, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                fixed (byte* p = rented)
                {
                    return Check.NotNull(CApi.PyUnicode_FromStringAndSize(p, written));
                }
            }
            return FromUtf16(text);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    // Pairs become one code point and lone surrogates pass through, exactly as .NET holds them.
    private static nint FromUtf16(ReadOnlySpan<char> text)
    {
        var littleEndian = -1;
        fixed (char* p = text)
        {
            return Check.NotNull(CApi.PyUnicode_DecodeUTF16((byte*)p, text.Length * 2, SurrogatePass, &littleEndian));
        }
    }

    /// <summary>The .NET string for a Python str (borrowed); throws when it is not a str.</summary>
    public static string ToString(nint str)
    {
        nint size;
        var utf8 = CApi.PyUnicode_AsUTF8AndSize(str, &size);
        if (utf8 != null)
        {
            return size == 0 ? "" : Encoding.UTF8.GetString(utf8, (int)size);
        }
        if (!CApi.IsInstanceOf(str, CApi.PyUnicode_Type))
        {
            throw PythonErrors.Fetch();
        }
        CApi.PyErr_Clear(); // lone surrogates cannot be UTF-8; copy code points instead
        return FromCodePoints(str);
    }

    private static string FromCodePoints(nint str)
    {
        var length = (int)Check.Size(CApi.PyUnicode_GetLength(str));
        var rented = ArrayPool<uint>.Shared.Rent(length + 1);
        try
        {
            fixed (uint* codePoints = rented)
            {
                Check.NotNull((nint)CApi.PyUnicode_AsUCS4(str, codePoints, rented.Length, 0));
                var builder = new StringBuilder(length);
                for (var i = 0; i < length; i++)
                {
                    var cp = codePoints[i];
                    if (cp < 0x10000)
                    {
                        builder.Append((char)cp);
                    }
                    else
                    {
                        cp -= 0x10000;
                        builder.Append((char)(0xD800 + (cp >> 10))).Append((char)(0xDC00 + (cp & 0x3FF)));
                    }
                }
                return builder.ToString();
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    /// <summary>The str's UTF-8 bytes (borrowed from the str object); false for lone surrogates.</summary>
    public static bool TryGetUtf8(nint str, out ReadOnlySpan<byte> utf8)
    {
        nint size;
        var p = CApi.PyUnicode_AsUTF8AndSize(str, &size);
        if (p == null)
        {
            CApi.PyErr_Clear();
            utf8 = default;
            return false;
        }
        utf8 = new ReadOnlySpan<byte>(p, (int)size);
        return true;
    }

    /// <summary>New reference to an interned str, for attribute names used again and again.</summary>
    public static nint Intern(string name)
    {
        var bytes = Utf8Z(name);
        fixed (byte* p = bytes)
        {
            return Check.NotNull(CApi.PyUnicode_InternFromString(p));
        }
    }

    /// <summary>NUL-terminated UTF-8 for C API name parameters.</summary>
    public static byte[] Utf8Z(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    /// <summary>A NUL-terminated copy in native memory that lives for the whole process.</summary>
    public static byte* Utf8Literal(ReadOnlySpan<byte> text)
    {
        var p = (byte*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)text.Length + 1);
        text.CopyTo(new Span<byte>(p, text.Length));
        p[text.Length] = 0;
        return p;
    }

    /// <summary>A NUL-terminated UTF-8 copy in native memory that lives for the whole process.</summary>
    public static byte* Utf8Literal(string text) => Utf8Literal(Encoding.UTF8.GetBytes(text));
}
