namespace Breezeblock.Python.Native;

internal static unsafe partial class CApi
{
    /// <summary>New reference.</summary>
    public static delegate* unmanaged<long, nint> PyLong_FromLongLong;
    public static delegate* unmanaged<ulong, nint> PyLong_FromUnsignedLongLong;
    /// <summary>Sets *overflow to ±1 and returns -1 when out of range; -1 with an error set on failure.</summary>
    public static delegate* unmanaged<nint, int*, long> PyLong_AsLongLongAndOverflow;
    /// <summary>New reference from digits in the given base, NULL on error.</summary>
    public static delegate* unmanaged<byte*, byte**, int, nint> PyLong_FromString;
    /// <summary>New reference (a str like <c>-0x1f</c>), NULL on error.</summary>
    public static delegate* unmanaged<nint, int, nint> PyNumber_ToBase;
    public static delegate* unmanaged<nint, nint> PyNumber_Index;
    public static delegate* unmanaged<double, nint> PyFloat_FromDouble;
    /// <summary>-1.0 with an error set on failure.</summary>
    public static delegate* unmanaged<nint, double> PyFloat_AsDouble;
    public static delegate* unmanaged<nint, nint> PyBool_FromLong;

    public static nint PyLong_Type;
    public static nint PyFloat_Type;
    public static nint PyBool_Type;

    private static void BindNumbers(Symbols s)
    {
        PyLong_FromLongLong = (delegate* unmanaged<long, nint>)s.Function("PyLong_FromLongLong");
        PyLong_FromUnsignedLongLong = (delegate* unmanaged<ulong, nint>)s.Function("PyLong_FromUnsignedLongLong");
        PyLong_AsLongLongAndOverflow = (delegate* unmanaged<nint, int*, long>)s.Function("PyLong_AsLongLongAndOverflow");
        PyLong_FromString = (delegate* unmanaged<byte*, byte**, int, nint>)s.Function("PyLong_FromString");
        PyNumber_ToBase = (delegate* unmanaged<nint, int, nint>)s.Function("PyNumber_ToBase");
        PyNumber_Index = (delegate* unmanaged<nint, nint>)s.Function("PyNumber_Index");
        PyFloat_FromDouble = (delegate* unmanaged<double, nint>)s.Function("PyFloat_FromDouble");
        PyFloat_AsDouble = (delegate* unmanaged<nint, double>)s.Function("PyFloat_AsDouble");
        PyBool_FromLong = (delegate* unmanaged<nint, nint>)s.Function("PyBool_FromLong");
        PyLong_Type = s.Object("PyLong_Type");
        PyFloat_Type = s.Object("PyFloat_Type");
        PyBool_Type = s.Object("PyBool_Type");
    }
}
