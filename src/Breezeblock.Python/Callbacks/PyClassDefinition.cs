namespace Breezeblock.Python;

/// <summary>Creates the .NET object behind a new Python instance from the constructor call's arguments.</summary>
public delegate object PyClassConstructor(PyArguments args);

/// <summary>Stores a Python value into a property of the .NET object.</summary>
public delegate void PyPropertySetter(object target, PyArgument value);

/// <summary>A method of a <see cref="PyClass"/>: the .NET object and the call's arguments.</summary>
public delegate object? PyMethodBody(object target, PyArguments args);

/// <summary><c>target[key]</c>.</summary>
public delegate object? PyItemGetter(object target, PyArgument key);

/// <summary><c>target[key] = value</c>.</summary>
public delegate void PyItemSetter(object target, PyArgument key, PyArgument value);

/// <summary><c>del target[key]</c>, or <c>item in target</c> for <see cref="PyClassDefinition.Contains"/>.</summary>
public delegate bool PyItemPredicate(object target, PyArgument key);

/// <summary>
/// Describes a Python class whose instances are .NET objects of <see cref="DotnetType"/>: how they are
/// constructed, their attributes, methods and protocols. <see cref="PyClass.Create"/> makes the type.
/// Results of getters and methods are converted like <see cref="PyObject.From"/>, so a .NET object
/// whose type has a class comes back as that class.
/// </summary>
public sealed class PyClassDefinition(string name, Type dotnetType)
{
    /// <summary>The class name in Python.</summary>
    public string Name { get; } = name;

    /// <summary>The .NET type of the instances.</summary>
    public Type DotnetType { get; } = dotnetType;

    /// <summary>The module the class says it belongs to (<c>__module__</c>).</summary>
    public string? Module { get; set; }

    /// <summary>The docstring.</summary>
    public string? Doc { get; set; }

    /// <summary>Builds instances; null makes the class impossible to instantiate from Python.</summary>
    public PyClassConstructor? Constructor { get; set; }

    /// <summary>Attributes backed by .NET properties.</summary>
    public IList<PyClassProperty> Properties { get; } = [];

    /// <summary>Methods.</summary>
    public IList<PyClassMethod> Methods { get; } = [];

    /// <summary><c>repr()</c>; Python's default when null.</summary>
    public Func<object, string>? Repr { get; set; }

    /// <summary><c>str()</c> and f-strings; <c>repr()</c> when null.</summary>
    public Func<object, string>? Str { get; set; }

    /// <summary><c>==</c> between two instances of the class; identity when null. Classes with equality are unhashable.</summary>
    public Func<object, object, bool>? Equality { get; set; }

    /// <summary>The message of the AttributeError for an unknown attribute (target, name, whether it was being set).</summary>
    public Func<object, string, bool, string>? MissingAttribute { get; set; }

    /// <summary><c>len()</c>.</summary>
    public Func<object, int>? Length { get; set; }

    /// <summary><c>target[key]</c>.</summary>
    public PyItemGetter? GetItem { get; set; }

    /// <summary><c>target[key] = value</c>.</summary>
    public PyItemSetter? SetItem { get; set; }

    /// <summary><c>del target[key]</c>; returning false raises KeyError.</summary>
    public PyItemPredicate? DeleteItem { get; set; }

    /// <summary><c>item in target</c>.</summary>
    public PyItemPredicate? Contains { get; set; }

    /// <summary><c>iter(target)</c>: the items are converted when iteration starts.</summary>
    public Func<object, System.Collections.IEnumerable>? Iterate { get; set; }
}

/// <summary>An attribute of a <see cref="PyClass"/>.</summary>
/// <param name="Name">The Python attribute name.</param>
/// <param name="Get">Reads the value from the .NET object.</param>
/// <param name="Set">Stores a Python value; null makes the attribute read-only.</param>
/// <param name="Doc">The attribute's docstring.</param>
public sealed record PyClassProperty(string Name, Func<object, object?> Get, PyPropertySetter? Set, string? Doc = null);

/// <summary>A method of a <see cref="PyClass"/>.</summary>
/// <param name="Name">The Python method name.</param>
/// <param name="Body">The implementation.</param>
/// <param name="Doc">The method's docstring.</param>
public sealed record PyClassMethod(string Name, PyMethodBody Body, string? Doc = null);
