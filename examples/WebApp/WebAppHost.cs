using Breezeblock;

namespace WebApp;

/// <summary>
/// The module the configs import (<c>from webapp import Upstream, catalog_url</c>). The app registers it
/// at startup, and CI checks the configs without starting the app: <c>breezeblock check configs --host WebApp.dll</c>.
/// </summary>
public sealed class WebAppHost : IConfigHost
{
    /// <inheritdoc />
    public void Configure(ConfigOptions options) =>
        options.AddHostModule("webapp", module => module
            .AddType<Upstream>()
            .AddFunction("catalog_url", (string region) => $"https://catalog.{region}.example.com/"));
}
