using System.ComponentModel.DataAnnotations;

namespace WebApp;

/// <summary>The app's options: bound from the config <c>app</c> in configs/app.py.</summary>
public sealed class AppOptions
{
    [Range(1, 65535)]
    public int Port { get; set; }

    public Dictionary<string, bool> Features { get; set; } = [];

    [MinLength(1)]
    public List<Upstream> Upstreams { get; set; } = [];

    /// <summary>The catalog's API token: a secret input (configs/app.py), shown as <c>(secret)</c> when the options are serialized.</summary>
    public Breezeblock.SecretString? CatalogToken { get; set; }
}

/// <summary>A service the app calls. Python builds these (<c>from webapp import Upstream</c>), validated as they are built.</summary>
public sealed class Upstream
{
    [Required]
    public string Name { get; set; } = "";

    [Required]
    public Uri? Url { get; set; }

    [Range(1, 100)]
    public int Weight { get; set; } = 100;
}
