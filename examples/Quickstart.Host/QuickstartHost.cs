using Breezeblock;

namespace Quickstart.Host;

/// <summary>Registers the module <c>myapp</c>; the program uses it, and so can <c>breezeblock eval --host</c>.</summary>
public sealed class QuickstartHost : IConfigHost
{
    /// <inheritdoc />
    public void Configure(ConfigOptions options) =>
        options.AddHostModule("myapp", module => module.AddType<Config>());
}
