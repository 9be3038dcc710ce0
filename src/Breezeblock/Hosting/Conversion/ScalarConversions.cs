using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The conversions a host class defines from a plain value, which Python may use in its place:
/// a user-defined implicit operator (<c>implicit operator IntOrString(int value)</c>) or, failing
/// one, a public constructor of one parameter (<c>ResourceQuantity(string value)</c>) from a
/// string, an integer, a floating-point number or a bool. So <c>target_port=8080</c>,
/// <c>max_surge="25%"</c> and <c>limits={"cpu": "500m"}</c> build the C# values the library
/// expects, and <c>IntOrString(8080)</c> is the same as passing 8080. A Python int goes to an
/// integer conversion that holds it (narrowest first), else to a floating-point one; a float to a
/// floating-point one; a str to a string one; a bool only to a bool one.
/// </summary>
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal sealed class ScalarConversions
{
    private static readonly Type[] IntegerOrder = [typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong)];
    private static readonly Type[] FloatOrder = [typeof(decimal), typeof(double), typeof(float)];

    private readonly Type _target;
    private readonly List<Conversion> _integers;
    private readonly List<Conversion> _floats;
    private readonly Conversion? _string;
    private readonly Conversion? _bool;

    private sealed record Conversion(Type Source, Converter Reader, Func<object?, object?> Invoke);

    private ScalarConversions(Type target, List<Conversion> all)
    {
        _target = target;
        _integers = all.Where(c => IntegerOrder.Contains(c.Source)).OrderBy(c => Array.IndexOf(IntegerOrder, c.Source)).ToList();
        _floats = all.Where(c => FloatOrder.Contains(c.Source)).OrderBy(c => Array.IndexOf(FloatOrder, c.Source)).ToList();
        _string = all.FirstOrDefault(c => c.Source == typeof(string));
        _bool = all.FirstOrDefault(c => c.Source == typeof(bool));
        PythonTypes = [.. new[] { (_integers.Count > 0 || _floats.Count > 0, "int"), (_floats.Count > 0, "float"), (_string is not null, "str"), (_bool is not null, "bool") }
            .Where(x => x.Item1).Select(x => x.Item2)];
    }

    /// <summary>The Python types accepted in place of the class (<c>int</c>, <c>str</c>), in a stable order.</summary>
    public IReadOnlyList<string> PythonTypes { get; }

    /// <summary>The conversions of <paramref name="type"/>, or null when it defines none from a plain value.</summary>
    public static ScalarConversions? Of(Type type)
    {
        var all = new List<Conversion>();
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            if (method.Name == "op_Implicit" && method.ReturnType == type && method.GetParameters() is [var parameter] && IsScalar(parameter.ParameterType)
                && all.All(c => c.Source != parameter.ParameterType))
            {
                all.Add(new Conversion(parameter.ParameterType, Converter.For(parameter.ParameterType, false), value => method.Invoke(null, [value])));
            }
        }
        foreach (var constructor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
        {
            if (constructor.GetParameters() is [var parameter] && IsScalar(parameter.ParameterType) && all.All(c => c.Source != parameter.ParameterType))
            {
                all.Add(new Conversion(parameter.ParameterType, Converter.For(parameter.ParameterType, false), value => constructor.Invoke([value])));
            }
        }
        return all.Count == 0 ? null : new ScalarConversions(type, all);
    }

    private static bool IsScalar(Type type) => type == typeof(string) || type == typeof(bool) || IntegerOrder.Contains(type) || FloatOrder.Contains(type);

    /// <summary>Converts a plain Python value with the class's own conversion; false when none takes a value of its type.</summary>
    /// <exception cref="PythonErrorException">A ValueError when the conversion refuses the value (its own message), or the number does not fit.</exception>
    public bool TryConvert(PyArgument value, string what, out object? result)
    {
        result = null;
        Conversion? chosen = null;
        if (value.IsBool)
        {
            chosen = _bool;
        }
        else if (value.IsStr)
        {
            chosen = _string;
        }
        else if (value.IsInt)
        {
            var number = value.AsBigInteger();
            chosen = _integers.FirstOrDefault(c => IntegerConverter.Fits(c.Source, number)) ?? _floats.FirstOrDefault() ?? _integers.LastOrDefault();
        }
        else if (value.IsFloat)
        {
            chosen = _floats.FirstOrDefault();
        }
        if (chosen is null)
        {
            return false;
        }
        var plain = chosen.Reader.FromPython(value, what); // range errors as for any member of that type
        try
        {
            result = chosen.Invoke(plain);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw PythonErrorException.ValueError(Messages.ConversionRefused(what, value.Repr(), _target.Name, e.InnerException.Message));
        }
        return true;
    }
}
