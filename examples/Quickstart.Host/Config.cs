namespace Quickstart.Host;

/// <summary>The seed's config struct: Python builds it with <c>Config(name="blah")</c> or <c>Config("blah")</c>.</summary>
public sealed class Config(string name)
{
    /// <summary>The config's name.</summary>
    public string Name { get; set; } = name;
}
