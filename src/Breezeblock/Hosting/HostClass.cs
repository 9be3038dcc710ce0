using System.Diagnostics.CodeAnalysis;
using System.ComponentModel.DataAnnotations;
using System.Text;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// How a host class behaves in Python: keyword arguments set properties
/// (<c>Service(name="api", replicas=3)</c>), positional ones go to a public constructor
/// (<c>Config("my name")</c>); missing required members are a TypeError, DataAnnotations failures a
/// ValueError, both at the constructing line; attributes read and write the C# object; unknown
/// attributes suggest the closest name; <c>repr()</c> shows the fields and <c>==</c> compares them;
/// <c>copy.copy</c> and <c>copy.deepcopy</c> give unfrozen copies (<see cref="HostCopies"/>).
/// </summary>
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal static class HostClass
{
    public static PyClassDefinition Definition(HostClassModel model, string? module)
    {
        var utf8Names = model.Properties.Select(p => Encoding.UTF8.GetBytes(p.PythonName)).ToArray();
        var definition = new PyClassDefinition(model.PythonName, model.Type)
        {
            Module = module,
            Doc = $"{model.PythonName}({string.Join(", ", model.Properties.Where(p => p.Writable).Select(p => $"{p.PythonName}: {p.Converter.PythonType}"))})",
            Constructor = args => Construct(model, utf8Names, args),
            Repr = target => Repr(model, target),
            Str = model.OverridesToString ? target => target.ToString() ?? "" : null,
            Equality = HostEquality.AreEqual,
            MissingAttribute = (_, name, setting) => MissingAttribute(model, name, setting),
        };
        definition.Methods.Add(new PyClassMethod("__copy__", (target, _) => HostCopies.Shallow(target), "A new, unfrozen object holding what this one holds."));
        definition.Methods.Add(new PyClassMethod("__deepcopy__", (target, _) => HostCopies.Deep(target), "A new, unfrozen copy of this object and everything it holds."));
        foreach (var property in model.Properties)
        {
            definition.Properties.Add(new PyClassProperty(
                property.PythonName,
                target => property.Converter.ToPython(property.Property.GetValue(target)),
                property.Writable ? (target, value) => Set(model, property, target, value) : null,
                property.Converter.PythonType));
        }
        return definition;
    }

    private static object Construct(HostClassModel model, byte[][] utf8Names, PyArguments args)
    {
        var consumed = args.KeywordCount <= 64 ? 0UL : throw PythonErrorException.TypeError(Messages.TooManyKeywords(model.PythonName));
        var target = Create(model, args, ref consumed, out var constructor);
        var assigned = new bool[model.Properties.Count];
        if (constructor is not null)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (model.Property(parameter.PythonName) is { } filled)
                {
                    assigned[IndexOf(utf8Names, Encoding.UTF8.GetBytes(filled.PythonName))] = true; // a constructor parameter sets the property of that name
                }
            }
        }
        for (var k = 0; k < args.KeywordCount; k++)
        {
            if ((consumed & (1UL << k)) != 0)
            {
                continue;
            }
            var index = IndexOf(utf8Names, args.KeywordNameUtf8(k));
            if (index < 0 || !model.Properties[index].Writable)
            {
                var keyword = args.KeywordName(k);
                var suggestion = Suggestions.Nearest(keyword, model.Properties.Where(p => p.Writable).Select(p => p.PythonName));
                throw PythonErrorException.TypeError(Messages.UnexpectedKeyword(model.PythonName, keyword, suggestion));
            }
            var property = model.Properties[index];
            var value = property.Converter.FromPython(args.KeywordValue(k), property.PythonName);
            property.Property.SetValue(target, value);
            assigned[index] = true;
        }
        var setsRequired = constructor?.SetsRequiredMembers == true;
        foreach (var index in model.RequiredProperties)
        {
            if (!assigned[index] && !(setsRequired && model.Properties[index].Property.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute), inherit: true)))
            {
                var missing = model.RequiredProperties.Where(i => !assigned[i]).Select(i => $"'{model.Properties[i].PythonName}'").ToList();
                throw PythonErrorException.TypeError(Messages.MissingArguments(model.PythonName, missing));
            }
        }
        if (model.HasValidation)
        {
            Validate(model, target);
        }
        return target;
    }

    private static object Create(HostClassModel model, PyArguments args, ref ulong consumed, out HostConstructorModel? used)
    {
        used = null;
        var positional = args.PositionalCount;
        if (positional == 0 && (model.Type.IsValueType || model.Constructors.Any(c => c.Parameters.Count == 0)))
        {
            return Activator.CreateInstance(model.Type)!;
        }
        if (positional == 1 && args.KeywordCount == 0 && model.Conversions is { } conversions && conversions.TryConvert(args[0], model.PythonName, out var converted))
        {
            return converted!; // IntOrString(8080): the class's own conversion from a plain value
        }
        foreach (var constructor in model.Constructors)
        {
            if (constructor.Parameters.Count < positional || !Satisfiable(constructor, args, positional))
            {
                continue;
            }
            var values = new object?[constructor.Parameters.Count];
            for (var i = 0; i < constructor.Parameters.Count; i++)
            {
                var parameter = constructor.Parameters[i];
                if (i < positional)
                {
                    values[i] = parameter.Converter.FromPython(args[i], parameter.PythonName);
                    continue;
                }
                var keyword = KeywordIndex(args, parameter.PythonName);
                if (keyword >= 0)
                {
                    values[i] = parameter.Converter.FromPython(args.KeywordValue(keyword), parameter.PythonName);
                    consumed |= 1UL << keyword;
                }
                else
                {
                    values[i] = parameter.Parameter.DefaultValue;
                }
            }
            used = constructor;
            return constructor.Constructor.Invoke(values);
        }
        var signatures = string.Join("; ", model.Constructors.Select(c => $"{model.PythonName}({string.Join(", ", c.Parameters.Select(p => p.PythonName))})"));
        throw PythonErrorException.TypeError(Messages.NoConstructorFits(model.PythonName, positional, args.KeywordCount > 0, signatures));
    }

    private static bool Satisfiable(HostConstructorModel constructor, PyArguments args, int positional)
    {
        for (var i = positional; i < constructor.Parameters.Count; i++)
        {
            if (!constructor.Parameters[i].Parameter.HasDefaultValue && KeywordIndex(args, constructor.Parameters[i].PythonName) < 0)
            {
                return false;
            }
        }
        return true;
    }

    private static int KeywordIndex(PyArguments args, string name)
    {
        var utf8 = Encoding.UTF8.GetBytes(name);
        for (var k = 0; k < args.KeywordCount; k++)
        {
            if (args.KeywordNameUtf8(k).SequenceEqual(utf8))
            {
                return k;
            }
        }
        return -1;
    }

    private static int IndexOf(byte[][] names, ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static void Set(HostClassModel model, HostPropertyModel property, object target, PyArgument value)
    {
        if (FrozenObjects.FrozenMessage(target, $"{model.PythonName} object") is { } frozen)
        {
            throw PythonErrorException.AttributeError(frozen);
        }
        var converted = property.Converter.FromPython(value, property.PythonName);
        if (property.HasValidation)
        {
            var results = new List<ValidationResult>();
            var context = new ValidationContext(target) { MemberName = property.Property.Name, DisplayName = property.PythonName };
            if (!Validator.TryValidateProperty(converted, context, results))
            {
                throw PythonErrorException.ValueError(Messages.Invalid(property.PythonName, results[0].ErrorMessage ?? ""));
            }
        }
        property.Property.SetValue(target, converted);
    }

    private static void Validate(HostClassModel model, object target)
    {
        var results = new List<ValidationResult>();
        foreach (var property in model.Properties.Where(p => p.HasValidation))
        {
            var context = new ValidationContext(target) { MemberName = property.Property.Name, DisplayName = property.PythonName };
            Validator.TryValidateProperty(property.Property.GetValue(target), context, results);
        }
        if (results.Count == 0)
        {
            Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: false);
        }
        if (results.Count > 0)
        {
            throw PythonErrorException.ValueError(Messages.Invalid(model.PythonName, string.Join("; ", results.Select(r => r.ErrorMessage))));
        }
    }

    private static string Repr(HostClassModel model, object target)
    {
        if (HostJsonContract.Of(model).WritesItself && HostJsonContract.Of(model).Render(target) is var written && written is not Dictionary<object, object?>)
        {
            using var value = PyObject.From(written);
            return $"{model.PythonName}({value.Repr()})"; // ResourceQuantity('500m'): what its converter writes
        }
        var fields = model.Properties.Select(p =>
        {
            using var value = PyObject.From(p.Converter.ToPython(p.Property.GetValue(target)));
            return $"{p.PythonName}={value.Repr()}";
        });
        return $"{model.PythonName}({string.Join(", ", fields)})";
    }

    private static string MissingAttribute(HostClassModel model, string name, bool setting)
    {
        var suggestion = Suggestions.Nearest(name, model.Properties.Select(p => p.PythonName));
        return Messages.NoAttribute(model.PythonName, name, setting, suggestion);
    }
}
