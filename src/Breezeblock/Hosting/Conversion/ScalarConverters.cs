using System.Globalization;
using System.Numerics;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>str.</summary>
internal sealed class StringConverter : Converter
{
    public override string PythonType => "str";

    public override object? FromPython(PyArgument value, string what) => value.IsStr ? value.AsString() : throw WrongType(what, "str", value);

    public override object? ToPython(object? value) => value;
}

/// <summary>bool (not any truthy value).</summary>
internal sealed class BoolConverter : Converter
{
    public override string PythonType => "bool";

    public override object? FromPython(PyArgument value, string what) => value.IsBool ? value.AsBoolean() : throw WrongType(what, "bool", value);

    public override object? ToPython(object? value) => value;
}

/// <summary>Every .NET integer type, range-checked: a Python int too large for it is a ValueError.</summary>
internal sealed class IntegerConverter(Type type) : Converter
{
    private static readonly Dictionary<Type, (BigInteger Min, BigInteger Max)> Ranges = new()
    {
        [typeof(byte)] = (byte.MinValue, byte.MaxValue),
        [typeof(sbyte)] = (sbyte.MinValue, sbyte.MaxValue),
        [typeof(short)] = (short.MinValue, short.MaxValue),
        [typeof(ushort)] = (ushort.MinValue, ushort.MaxValue),
        [typeof(int)] = (int.MinValue, int.MaxValue),
        [typeof(uint)] = (uint.MinValue, uint.MaxValue),
        [typeof(long)] = (long.MinValue, long.MaxValue),
        [typeof(ulong)] = (ulong.MinValue, ulong.MaxValue),
        [typeof(nint)] = (long.MinValue, long.MaxValue),
        [typeof(nuint)] = (ulong.MinValue, ulong.MaxValue),
    };

    public static bool Supports(Type type) => Ranges.ContainsKey(type) || type == typeof(BigInteger);

    /// <summary>Whether <paramref name="number"/> is in the range of the integer type (BigInteger holds any).</summary>
    public static bool Fits(Type type, BigInteger number) =>
        type == typeof(BigInteger) || Ranges.TryGetValue(type, out var range) && number >= range.Min && number <= range.Max;

    public override string PythonType => "int";

    public override object? FromPython(PyArgument value, string what)
    {
        if (!value.IsInt)
        {
            throw WrongType(what, "int", value);
        }
        if (type == typeof(long))
        {
            return value.AsBigInteger() is var big && big >= long.MinValue && big <= long.MaxValue ? (long)big : throw OutOfRange(what, big);
        }
        var number = value.AsBigInteger();
        if (type == typeof(BigInteger))
        {
            return number;
        }
        var (min, max) = Ranges[type];
        if (number < min || number > max)
        {
            throw OutOfRange(what, number);
        }
        return type == typeof(ulong) ? (ulong)number : type == typeof(nuint) ? (nuint)(ulong)number : Convert.ChangeType((long)number, type, CultureInfo.InvariantCulture);
    }

    public override object? ToPython(object? value) => value;

    private PythonErrorException OutOfRange(string what, BigInteger number)
    {
        var (min, max) = Ranges[type];
        return PythonErrorException.ValueError(Messages.OutOfRange(what, number, type.Name, min, max));
    }
}

/// <summary>float, double and decimal: Python float or int (decimal also takes decimal.Decimal).</summary>
internal sealed class FloatConverter(Type type) : Converter
{
    public override string PythonType => "float";

    public override object? FromPython(PyArgument value, string what)
    {
        if (value.IsBool || !(value.IsFloat || value.IsInt))
        {
            if (type == typeof(decimal) && value.TypeName == "Decimal" && value.AsManaged() is decimal exact)
            {
                return exact;
            }
            throw WrongType(what, "float", value);
        }
        var number = value.AsDouble();
        if (type == typeof(double))
        {
            return number;
        }
        if (type == typeof(float))
        {
            return (float)number;
        }
        try
        {
            return value.IsInt ? (decimal)value.AsBigInteger() : (decimal)number;
        }
        catch (OverflowException)
        {
            throw PythonErrorException.ValueError(Messages.OutOfDecimalRange(what, value.Repr()));
        }
    }

    public override object? ToPython(object? value) => value;
}

/// <summary>object: any Python value, converted as plain .NET data (host objects as themselves).</summary>
internal sealed class ObjectConverter : Converter
{
    public override string PythonType => "Any";

    public override object? FromPython(PyArgument value, string what) => value.AsManaged();

    public override object? ToPython(object? value) => value;
}

/// <summary>Lets None through to a converter that does not.</summary>
internal sealed class NullableConverter(Converter inner) : Converter
{
    public override string PythonType => $"Optional[{inner.PythonType}]";

    public override string AcceptedType => $"Optional[{inner.AcceptedType}]";

    public Converter Inner => inner;

    public override object? FromPython(PyArgument value, string what) => value.IsNone ? null : inner.FromPython(value, what);

    public override object? ToPython(object? value) => value is null ? null : inner.ToPython(value);
}
