using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// Builds a Python module whose contents come from .NET, not from a file:
/// <c>new PyModuleBuilder("myapp").AddFunction("secret", ...).Register()</c> makes <c>import myapp</c> work.
/// </summary>
public sealed unsafe class PyModuleBuilder(string name)
{
    private readonly List<(string Name, Func<string, PyObject> Create)> _members = [];

    /// <summary>The module's name.</summary>
    public string Name { get; } = name;

    /// <summary>Adds a function receiving its arguments as they came.</summary>
    public PyModuleBuilder AddFunction(string name, PyFunctionBody body, string? doc = null)
    {
        _members.Add((name, module => PyObject.Steal(new PyCallable.Untyped(name, body).CreateFunction(doc, module))));
        return this;
    }

    /// <summary>Adds a value, converted like <see cref="PyObject.From"/> when the module is built.</summary>
    public PyModuleBuilder AddValue(string name, object? value)
    {
        _members.Add((name, _ => PyObject.From(value)));
        return this;
    }

    /// <summary>Adds a class (its Python name is the attribute name).</summary>
    public PyModuleBuilder AddClass(PyClass pyClass)
    {
        _members.Add((pyClass.Name, _ => pyClass.Type.NewReference()));
        return this;
    }

    /// <summary>Creates the module object (GIL needed). It is not importable until registered.</summary>
    public PyObject Build()
    {
        Gil.EnsureHeld();
        PyObject module;
        fixed (byte* utf8 = PyStrings.Utf8Z(Name))
        {
            module = PyObject.Steal(Check.NotNull(CApi.PyModule_New(utf8)));
        }
        foreach (var (member, create) in _members)
        {
            using var value = create(Name);
            module.SetAttr(member, value);
        }
        return module;
    }

    /// <summary>Builds the module and puts it in <c>sys.modules</c>, replacing any module of that name.</summary>
    public PyObject Register()
    {
        var module = Build();
        var modules = CApi.PyImport_GetModuleDict();
        fixed (byte* utf8 = PyStrings.Utf8Z(Name))
        {
            Check.Status(CApi.PyDict_SetItemString(modules, utf8, module.Handle));
        }
        return module;
    }
}
