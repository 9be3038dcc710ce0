namespace Breezeblock;

/// <summary>
/// Implemented by an application assembly so that <c>breezeblock eval --host app.dll</c> and
/// <c>breezeblock stubs --host app.dll</c> can register its host modules without running the
/// application: the CLI creates the class (public, parameterless constructor) and calls
/// <see cref="Configure"/>.
/// </summary>
public interface IConfigHost
{
    /// <summary>Registers host modules and inputs, as the application does before evaluating.</summary>
    void Configure(ConfigOptions options);
}
