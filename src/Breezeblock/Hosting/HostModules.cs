using System.Diagnostics.CodeAnalysis;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// An engine's host modules: built into Python modules at the first evaluation (the GIL is needed),
/// put into <c>sys.modules</c> for each evaluation and taken out after it. Types a registered type
/// refers to (nested classes, enums) join the module that registered it.
/// </summary>
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal sealed class HostModules : IHostModules
{
    private readonly IReadOnlyList<HostModuleBuilder> _builders;
    private List<(string Name, PyObject Module)>? _modules;
    private PyObject? _freeze;

    public HostModules(IReadOnlyList<HostModuleBuilder> builders)
    {
        _builders = builders;
        foreach (var builder in builders)
        {
            foreach (var model in Types(builder))
            {
                HostBridge.ClaimModule(model.Type, builder.Name);
            }
        }
    }

    public IReadOnlyList<HostModuleBuilder> Builders => _builders;

    public IHostObjectRenderer Renderer => HostObjectRenderer.Instance;

    public PyObject FreezeFunction => _freeze ??= FrozenObjects.CreateFreezeFunction();

    /// <summary>The registered types and every host type they refer to, each once.</summary>
    public static IEnumerable<HostTypeModel> Types(HostModuleBuilder builder) =>
        builder.Types.Select(HostTypes.Model)
            .Concat(builder.Functions.SelectMany(f => HostFunction.Validate(f.Name, f.Function).Converters()).SelectMany(HostTypes.Referenced))
            .SelectMany(HostTypes.Closure)
            .DistinctBy(m => m.Type);

    public void Install(PyObject sysModules)
    {
        _modules ??= _builders.Select(b => (b.Name, Build(b))).ToList();
        foreach (var (name, module) in _modules)
        {
            sysModules.SetItem(name, module);
        }
    }

    public void Uninstall(PyObject sysModules)
    {
        if (_modules is null)
        {
            return;
        }
        using var pop = sysModules.GetAttr("pop");
        foreach (var (name, _) in _modules)
        {
            pop.Call(name, null).Dispose();
        }
    }

    private static PyObject Build(HostModuleBuilder builder)
    {
        var module = new PyModuleBuilder(builder.Name);
        foreach (var model in Types(builder))
        {
            module.AddValue(model.PythonName, HostBridge.TypeObject(model));
        }
        foreach (var (name, function) in builder.Functions)
        {
            module.AddValue(name, HostFunction.Create(name, function, builder.Name));
        }
        return module.Build();
    }
}
