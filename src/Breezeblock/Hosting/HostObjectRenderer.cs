namespace Breezeblock;

/// <summary>Host objects in results as plain data: their properties by Python name, in declaration order.</summary>
internal sealed class HostObjectRenderer : IHostObjectRenderer
{
    public static readonly HostObjectRenderer Instance = new();

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
                map[property.PythonName] = property.Property.GetValue(value);
            }
            rendered = map;
            return true;
        }
        rendered = null;
        return false;
    }
}
