using System.Diagnostics.CodeAnalysis;

namespace Breezeblock;

/// <summary>
/// Host objects in results as plain data: as their type's JSON contract writes them
/// (<see cref="HostJsonContract"/>: converters, wire names, ignored members), else their properties
/// by Python name, in declaration order; or, for .NET binders, every property by its C# name (a type
/// with its own JSON converter still as the converter writes it).
/// </summary>
internal sealed class HostObjectRenderer(bool dotnetNames) : IHostObjectRenderer
{
    /// <summary>Properties by their Python names, as JSON and YAML output show them.</summary>
    public static readonly HostObjectRenderer Instance = new(dotnetNames: false);

    /// <summary>Properties by their C# names, as .NET binders (IConfiguration) expect them.</summary>
    public static readonly HostObjectRenderer DotnetNames = new(dotnetNames: true);

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "A host object exists only when its type was registered, through APIs that require reflection.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "A host object exists only when its type was registered, through APIs that require reflection.")]
    public bool TryRender(object value, out object? rendered)
    {
        switch (value)
        {
            case HostList list:
                rendered = list.Items;
                return true;
            case HostDict dict:
                rendered = dict.Items;
                return true;
        }
        var model = HostTypes.TryGetClass(value.GetType());
        if (model is not null && (!dotnetNames || HostJsonContract.Of(model).WritesItself))
        {
            // for binders too, a value its converter writes (ResourceQuantity as "500m") is that, not its members
            rendered = HostJsonContract.Of(model).Render(value);
            return true;
        }
        if (model is not null)
        {
            var map = new Dictionary<object, object?>();
            foreach (var property in model.Properties)
            {
                map[dotnetNames ? property.Property.Name : property.PythonName] = property.Property.GetValue(value);
            }
            rendered = map;
            return true;
        }
        rendered = null;
        return false;
    }
}
