using System.Globalization;
using System.Numerics;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>int and float conversions, including ints beyond 64 bits and <c>decimal.Decimal</c>.</summary>
internal static unsafe class PyNumbers
{
    private static nint s_decimalType;

    /// <summary>New reference to a Python int.</summary>
    public static nint FromBigInteger(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            return Check.NotNull(CApi.PyLong_FromLongLong((long)value));
        }
        // Hex digits: Python limits decimal int/str conversions (4300 digits since 3.11), not base 16.
        var digits = value.Sign < 0 ? "-" + (-value).ToString("x", CultureInfo.InvariantCulture) : value.ToString("x", CultureInfo.InvariantCulture);
        fixed (byte* p = PyStrings.Utf8Z(digits))
        {
            return Check.NotNull(CApi.PyLong_FromString(p, null, 16));
        }
    }

    /// <summary>A Python int (borrowed) as long when it fits, else as <see cref="BigInteger"/>.</summary>
    public static object ToInteger(nint o)
    {
        int overflow;
        var value = CApi.PyLong_AsLongLongAndOverflow(o, &overflow);
        if (overflow != 0)
        {
            return ToBigInteger(o);
        }
        if (value == -1)
        {
            Check.NoError();
        }
        return value;
    }

    /// <summary>A Python int (borrowed) as long; throws <see cref="OverflowException"/> beyond 64 bits.</summary>
    public static long ToInt64(nint o)
    {
        if (!CApi.IsInstanceOf(o, CApi.PyLong_Type) || CApi.Py_TYPE(o) == CApi.PyBool_Type)
        {
            throw PyValues.WrongType("int", o);
        }
        int overflow;
        var value = CApi.PyLong_AsLongLongAndOverflow(o, &overflow);
        if (overflow != 0)
        {
            throw new OverflowException($"{PyValues.Repr(o)} does not fit in a 64-bit integer");
        }
        if (value == -1)
        {
            Check.NoError();
        }
        return value;
    }

    public static BigInteger ToBigInteger(nint o)
    {
        var text = Check.NotNull(CApi.PyNumber_ToBase(o, 16));
        try
        {
            var hex = PyStrings.ToString(text);
            var negative = hex.StartsWith('-');
            var digits = hex[(negative ? 3 : 2)..];
            var magnitude = BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            return negative ? -magnitude : magnitude;
        }
        finally
        {
            CApi.Py_DecRef(text);
        }
    }

    /// <summary>A Python float, or an int, as double.</summary>
    public static double ToDouble(nint o)
    {
        var type = CApi.Py_TYPE(o);
        if (type != CApi.PyFloat_Type && !CApi.IsInstanceOf(o, CApi.PyFloat_Type) && !CApi.IsInstanceOf(o, CApi.PyLong_Type))
        {
            throw PyValues.WrongType("float", o);
        }
        var value = CApi.PyFloat_AsDouble(o);
        if (value == -1.0)
        {
            Check.NoError();
        }
        return value;
    }

    /// <summary>New reference to a <c>decimal.Decimal</c> with the same digits.</summary>
    public static nint FromDecimal(decimal value)
    {
        var text = PyStrings.FromString(value.ToString(CultureInfo.InvariantCulture));
        try
        {
            return Check.NotNull(CApi.PyObject_VectorcallDict(DecimalType(), &text, 1, 0));
        }
        finally
        {
            CApi.Py_DecRef(text);
        }
    }

    /// <summary>True when <paramref name="o"/> is a <c>decimal.Decimal</c>; never imports the decimal module itself.</summary>
    public static bool IsDecimal(nint o)
    {
        if (s_decimalType == 0)
        {
            fixed (byte* name = "decimal"u8)
            {
                if (CApi.PyDict_GetItemString(CApi.PyImport_GetModuleDict(), name) == 0)
                {
                    return false; // no Decimal can exist before the module is imported
                }
            }
            DecimalType();
        }
        return CApi.Py_TYPE(o) == s_decimalType;
    }

    public static decimal ToDecimal(nint o)
    {
        var text = Check.NotNull(CApi.PyObject_Str(o));
        try
        {
            return decimal.Parse(PyStrings.ToString(text), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        finally
        {
            CApi.Py_DecRef(text);
        }
    }

    private static nint DecimalType()
    {
        if (s_decimalType == 0)
        {
            fixed (byte* name = "decimal"u8)
            fixed (byte* attribute = "Decimal"u8)
            {
                var module = Check.NotNull(CApi.PyImport_ImportModule(name));
                s_decimalType = CApi.PyObject_GetAttrString(module, attribute); // kept for the process lifetime
                CApi.Py_DecRef(module);
                Check.NotNull(s_decimalType);
            }
        }
        return s_decimalType;
    }
}
