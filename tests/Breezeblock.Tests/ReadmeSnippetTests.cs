namespace Breezeblock.Tests.Readme;

public enum Tier
{
    Bronze,
    Gold,
}

public sealed class Config
{
    public string Name { get; set; } = "";
    public int Replicas { get; set; } = 1;
    public Tier Tier { get; set; }
    public string Password { get; set; } = "";
}

/// <summary>The library snippet in the README, verbatim: it must compile and work as written.</summary>
[Collection(nameof(InterpreterStateTests))] // it changes the current directory, as a host's working folder would be
[Trait("Category", "Smoke")]
public sealed class ReadmeSnippetTests
{
    [Fact]
    public void The_readme_library_snippet_works_as_written()
    {
        using var folder = new ConfigFolder(("configs/web.py", """
            from breezeblock import configure
            from myapp import Config, Tier, secret


            @configure
            def web(environment):
                return Config(name=f"api-{environment}", replicas=3, tier=Tier.GOLD, password=secret("db"))
            """));
        var vault = new Dictionary<string, string> { ["db"] = "s3cret" };
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder.Path;
        try
        {
            // ---- README snippet begins ----
            var options = new ConfigOptions();
            options.AddHostModule("myapp", module => module
                .AddType<Config>()                                     // python: from myapp import Config
                .AddType<Tier>()                                       // C# enums become Python enums
                .AddFunction("secret", (string key) => vault[key]));   // python: from myapp import secret
            options.Inputs["environment"] = "prod";                    // like --set

            using var engine = new ConfigEngine(options);              // finds and starts CPython
            ConfigResult result = engine.Evaluate("configs");          // or Evaluate("configs", targets: ["web"])
            Config web = result.Get<Config>("web");
            string json = result.ToJson();
            // ---- README snippet ends ----

            Assert.Equal(("api-prod", 3, Tier.Gold, "s3cret"), (web.Name, web.Replicas, web.Tier, web.Password));
            Assert.Equal("""
                {
                  "web": {
                    "name": "api-prod",
                    "replicas": 3,
                    "tier": "Gold",
                    "password": "s3cret"
                  }
                }
                """, json);
            using var targeted = engine.Evaluate("configs", targets: ["web"]);
            Assert.Equal(["web"], targeted.Names);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}
