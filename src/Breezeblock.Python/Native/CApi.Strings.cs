namespace Breezeblock.Python.Native;

internal static unsafe partial class CApi
{
    /// <summary>New reference, NULL on error (invalid UTF-8).</summary>
    public static delegate* unmanaged<byte*, nint, nint> PyUnicode_FromStringAndSize;
    /// <summary>New reference; byteorder -1 is little endian. NULL on error.</summary>
    public static delegate* unmanaged<byte*, nint, byte*, int*, nint> PyUnicode_DecodeUTF16;
    /// <summary>Borrowed buffer cached in the str object; NULL on error (e.g. lone surrogates).</summary>
    public static delegate* unmanaged<nint, nint*, byte*> PyUnicode_AsUTF8AndSize;
    public static delegate* unmanaged<nint, nint> PyUnicode_GetLength;
    /// <summary>Copies code points into the caller's buffer; NULL on error.</summary>
    public static delegate* unmanaged<nint, uint*, nint, int, uint*> PyUnicode_AsUCS4;
    /// <summary>New reference to an interned str.</summary>
    public static delegate* unmanaged<byte*, nint> PyUnicode_InternFromString;
    /// <summary>Replaces the str the pointer holds by its interned equal (the reference stays owned).</summary>
    public static delegate* unmanaged<nint*, void> PyUnicode_InternInPlace;
    /// <summary>New reference.</summary>
    public static delegate* unmanaged<byte*, nint, nint> PyBytes_FromStringAndSize;
    /// <summary>Borrowed buffer; 0, or -1 on error.</summary>
    public static delegate* unmanaged<nint, byte**, nint*, int> PyBytes_AsStringAndSize;

    public static nint PyUnicode_Type;
    public static nint PyBytes_Type;
    public static nint PyByteArray_Type;

    private static void BindStrings(Symbols s)
    {
        PyUnicode_FromStringAndSize = (delegate* unmanaged<byte*, nint, nint>)s.Function("PyUnicode_FromStringAndSize");
        PyUnicode_DecodeUTF16 = (delegate* unmanaged<byte*, nint, byte*, int*, nint>)s.Function("PyUnicode_DecodeUTF16");
        PyUnicode_AsUTF8AndSize = (delegate* unmanaged<nint, nint*, byte*>)s.Function("PyUnicode_AsUTF8AndSize");
        PyUnicode_GetLength = (delegate* unmanaged<nint, nint>)s.Function("PyUnicode_GetLength");
        PyUnicode_AsUCS4 = (delegate* unmanaged<nint, uint*, nint, int, uint*>)s.Function("PyUnicode_AsUCS4");
        PyUnicode_InternFromString = (delegate* unmanaged<byte*, nint>)s.Function("PyUnicode_InternFromString");
        PyUnicode_InternInPlace = (delegate* unmanaged<nint*, void>)s.Function("PyUnicode_InternInPlace");
        PyBytes_FromStringAndSize = (delegate* unmanaged<byte*, nint, nint>)s.Function("PyBytes_FromStringAndSize");
        PyBytes_AsStringAndSize = (delegate* unmanaged<nint, byte**, nint*, int>)s.Function("PyBytes_AsStringAndSize");
        PyUnicode_Type = s.Object("PyUnicode_Type");
        PyBytes_Type = s.Object("PyBytes_Type");
        PyByteArray_Type = s.Object("PyByteArray_Type");
    }
}
