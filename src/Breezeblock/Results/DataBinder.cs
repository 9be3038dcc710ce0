using System.Diagnostics.CodeAnalysis;
using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Reflection;

namespace Breezeblock;

/// <summary>
/// Binds plain data (see <see cref="PlainData"/>) to a .NET type: a dict (or dataclass) binds to a
/// class whose property or constructor parameter names match its keys ignoring case and underscores
/// (<c>max_surge</c> binds <c>MaxSurge</c>); lists bind to arrays and collections, strings to enums by
/// member name, to dates, times, Guids and Uris. Keys with no matching member are ignored; a
/// required member with no key is an error, as is a value of the wrong type. Errors name the path.
/// </summary>
[RequiresUnreferencedCode(Messages.BindingNeedsReflection)]
[RequiresDynamicCode(Messages.BindingNeedsReflection)]
internal static class DataBinder
{
    public static object? Bind(object? data, Type type, string path)
    {
        if (type == typeof(object))
        {
            return data;
        }
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return data is null ? null : Bind(data, underlying, path);
        }
        if (data is null)
        {
            return type.IsValueType ? throw Mismatch(path, type, data) : null;
        }
        if (type == typeof(string))
        {
            return data as string ?? throw Mismatch(path, type, data);
        }
        if (data is not IEnumerable && type.IsInstanceOfType(data))
        {
            return data;
        }
        if (type.IsEnum)
        {
            return BindEnum(data, type, path);
        }
        if (IsNumber(type))
        {
            return BindNumber(data, type, path);
        }
        if (data is string text && FromText(text, type, path) is { } parsed)
        {
            return parsed;
        }
        if (type.IsArray)
        {
            var elementType = type.GetElementType()!;
            var items = BindItems(data, elementType, path);
            var array = Array.CreateInstance(elementType, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(items[i], i);
            }
            return array;
        }
        if (CollectionType(type) is { } collection)
        {
            return collection.Dictionary
                ? BindDictionary(data, collection.Constructed, collection.Arguments[^1], path)
                : BindCollection(data, collection.Constructed, collection.Arguments[0], path);
        }
        if (data is IReadOnlyDictionary<string, object?> map && (type.IsClass || type.IsValueType) && type != typeof(string))
        {
            return BindObject(map, type, path);
        }
        throw Mismatch(path, type, data);
    }

    private static bool IsNumber(Type type) =>
        type.IsPrimitive && type != typeof(bool) && type != typeof(char) || type == typeof(decimal) || type == typeof(BigInteger);

    private static object BindNumber(object data, Type type, string path)
    {
        if (data is bool or string || data is not (long or BigInteger or double or decimal))
        {
            throw Mismatch(path, type, data);
        }
        if (data is double d && type != typeof(double) && type != typeof(float) && type != typeof(decimal) && d != Math.Floor(d))
        {
            throw new DataBindingException(path, $"expected {Name(type)}, got the non-integral number {JsonText.Double(d)}");
        }
        try
        {
            if (type == typeof(BigInteger))
            {
                return data is BigInteger big ? big : new BigInteger(Convert.ToDecimal(data, CultureInfo.InvariantCulture));
            }
            if (data is BigInteger value)
            {
                return type == typeof(double) ? (double)value : type == typeof(float) ? (float)value : Convert.ChangeType((decimal)value, type, CultureInfo.InvariantCulture);
            }
            return Convert.ChangeType(data, type, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            throw new DataBindingException(path, $"{Convert.ToString(data, CultureInfo.InvariantCulture)} does not fit in {Name(type)}");
        }
    }

    private static object BindEnum(object data, Type type, string path)
    {
        if (data is string name)
        {
            var wanted = Normalize(name);
            foreach (var member in Enum.GetNames(type))
            {
                if (Normalize(member) == wanted)
                {
                    return Enum.Parse(type, member);
                }
            }
            throw new DataBindingException(path, $"'{name}' is not a member of {type.Name} ({string.Join(", ", Enum.GetNames(type))})");
        }
        if (data is long number)
        {
            return Enum.ToObject(type, number);
        }
        throw Mismatch(path, type, data);
    }

    private static object? FromText(string text, Type type, string path)
    {
        try
        {
            if (type == typeof(SecretString))
            {
                return new SecretString(text);
            }
            if (type == typeof(DateTime))
            {
                return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            }
            if (type == typeof(DateTimeOffset))
            {
                return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
            }
            if (type == typeof(DateOnly))
            {
                return DateOnly.Parse(text, CultureInfo.InvariantCulture);
            }
            if (type == typeof(TimeOnly))
            {
                return TimeOnly.Parse(text, CultureInfo.InvariantCulture);
            }
            if (type == typeof(TimeSpan))
            {
                return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
            }
            if (type == typeof(Guid))
            {
                return Guid.Parse(text);
            }
            if (type == typeof(Uri))
            {
                return new Uri(text, UriKind.RelativeOrAbsolute);
            }
        }
        catch (FormatException e)
        {
            throw new DataBindingException(path, $"'{text}' is not a valid {type.Name}: {e.Message}");
        }
        return null;
    }

    private static List<object?> BindItems(object data, Type elementType, string path)
    {
        if (data is not IReadOnlyList<object?> list)
        {
            throw Mismatch(path, elementType.MakeArrayType(), data);
        }
        var items = new List<object?>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            items.Add(Bind(list[i], elementType, $"{path}[{i}]"));
        }
        return items;
    }

    private static object BindCollection(object data, Type constructed, Type elementType, string path)
    {
        var collection = Activator.CreateInstance(constructed)!;
        var add = constructed.GetMethod("Add", [elementType])!;
        foreach (var item in BindItems(data, elementType, path))
        {
            add.Invoke(collection, [item]);
        }
        return collection;
    }

    private static object BindDictionary(object data, Type constructed, Type valueType, string path)
    {
        if (data is not IReadOnlyDictionary<string, object?> map)
        {
            throw Mismatch(path, constructed, data);
        }
        var dictionary = (IDictionary)Activator.CreateInstance(constructed)!;
        foreach (var (key, value) in map)
        {
            dictionary[key] = Bind(value, valueType, Paths.Member(path, key));
        }
        return dictionary;
    }

    // The concrete type to build for a collection type, with its type arguments.
    private static (Type Constructed, Type[] Arguments, bool Dictionary)? CollectionType(Type type)
    {
        if (!type.IsGenericType)
        {
            return null;
        }
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
        {
            return arguments[0] == typeof(string) ? (typeof(Dictionary<,>).MakeGenericType(arguments), arguments, true) : null;
        }
        if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>)
            || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>))
        {
            return (typeof(List<>).MakeGenericType(arguments), arguments, false);
        }
        if (definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>))
        {
            return (typeof(HashSet<>).MakeGenericType(arguments), arguments, false);
        }
        return null;
    }

    private static object BindObject(IReadOnlyDictionary<string, object?> map, Type type, string path)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in map.Keys)
        {
            keys.TryAdd(Normalize(key), key);
        }
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var parameterless = type.GetConstructor(Type.EmptyTypes);
        object instance;
        var consumed = new HashSet<string>(StringComparer.Ordinal);
        if (parameterless is not null || type.IsValueType && constructor is null)
        {
            instance = Activator.CreateInstance(type)!;
        }
        else if (constructor is not null)
        {
            var parameters = constructor.GetParameters();
            var arguments = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                var parameter = parameters[i];
                if (keys.TryGetValue(Normalize(parameter.Name!), out var key))
                {
                    arguments[i] = Bind(map[key], parameter.ParameterType, Paths.Member(path, key));
                    consumed.Add(key);
                }
                else if (parameter.HasDefaultValue)
                {
                    arguments[i] = parameter.DefaultValue;
                }
                else if (AcceptsNull(parameter))
                {
                    arguments[i] = null;
                }
                else
                {
                    // as for a required property: a parameter that may not be null needs its key
                    throw new DataBindingException(path, Messages.BindingMissingParameter(type.Name, parameter.Name!));
                }
            }
            instance = constructor.Invoke(arguments);
        }
        else
        {
            throw new DataBindingException(path, $"{type.Name} has no public constructor to build it with");
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            if (!keys.TryGetValue(Normalize(property.Name), out var key))
            {
                if (property.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute)))
                {
                    throw new DataBindingException(path, Messages.BindingMissingRequired(type.Name, property.Name));
                }
                continue;
            }
            if (consumed.Contains(key))
            {
                continue;
            }
            var value = Bind(map[key], property.PropertyType, Paths.Member(path, key));
            if (property.SetMethod is { IsPublic: true })
            {
                property.SetValue(instance, value);
            }
            else if (property.GetValue(instance) is IList target && value is IEnumerable items)
            {
                foreach (var item in items)
                {
                    target.Add(item); // a get-only collection property is filled in place
                }
            }
        }
        return instance;
    }

    // A nullable value type, a reference annotated '?', or one without annotations (oblivious code).
    private static bool AcceptsNull(ParameterInfo parameter)
    {
        if (parameter.ParameterType.IsValueType)
        {
            return Nullable.GetUnderlyingType(parameter.ParameterType) is not null;
        }
        return new NullabilityInfoContext().Create(parameter).WriteState != NullabilityState.NotNull;
    }

    /// <summary>Lower case without underscores: the form in which names match.</summary>
    public static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static DataBindingException Mismatch(string path, Type type, object? data) =>
        new(path, $"expected {Name(type)}, got {Describe(data)}");

    private static string Describe(object? data) => data switch
    {
        null => "None",
        string s => $"str {JsonText.String(s)}",
        bool b => b ? "True" : "False",
        long or BigInteger => $"int {data}",
        double d => $"float {JsonText.Double(d)}",
        IReadOnlyDictionary<string, object?> => "dict",
        IReadOnlyList<object?> => "list",
        _ => data.GetType().Name,
    };

    private static string Name(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>" : type.Name;
}

/// <summary>Plain data does not fit the requested .NET type; <see cref="Path"/> says where.</summary>
internal sealed class DataBindingException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
}
