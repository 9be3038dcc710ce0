namespace Breezeblock;

/// <summary>Host objects in results as plain data: their properties by Python name (or by C# name), in declaration order.</summary>
internal sealed class HostObjectRenderer(bool dotnetNames) : IHostObjectRenderer
{
    /// <summary>Properties by their Python names, as JSON and YAML output show them.</summary>
    public static readonly HostObjectRenderer Instance = new(dotnetNames: false);

    /// <summary>Properties by their C# names, as .NET binders (IConfiguration) expect them.</summary>
    public static readonly HostObjectRenderer DotnetNames = new(dotnetNames: true);

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
        if (HostTypes.TryGetClass(value.GetType()) is { } model)
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
