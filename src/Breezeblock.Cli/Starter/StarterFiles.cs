namespace Breezeblock.Cli;

/// <summary>
/// What <c>breezeblock init</c> writes: two configs that need each other, and the editor settings that
/// point pyright (and Pylance) at the generated stubs. It evaluates as it is.
/// </summary>
internal static class StarterFiles
{
    public const string ConfigFolder = "configs";

    public const string StubFolder = "typings";

    public static IReadOnlyList<(string Path, string Text)> Files { get; } =
    [
        ($"{ConfigFolder}/base.py", """
            # Settings every service shares. Each @configure function is a config named after it;
            # its result is what the application (or `breezeblock eval`) receives.
            from breezeblock import configure


            @configure
            def database(environment="dev"):
                # `environment` is an input: `breezeblock eval configs --set environment=prod`.
                return {"host": f"db.{environment}.internal", "port": 5432}

            """),
        ($"{ConfigFolder}/web.py", """
            # A config needs another by naming it as a parameter: `database` runs first, and `web`
            # receives its result (read-only). `replicas` has a default, so it may be left out.
            from breezeblock import configure


            @configure
            def web(database, replicas=2):
                return {
                    "database_url": f"postgres://{database['host']}:{database['port']}/app",
                    "replicas": replicas,
                }

            """),
        ("pyrightconfig.json", $$"""
            {
              "include": ["{{ConfigFolder}}"],
              "stubPath": "{{StubFolder}}",
              "executionEnvironments": [{ "root": "{{ConfigFolder}}" }],
              "pythonVersion": "3.9",
              "typeCheckingMode": "standard",
              "reportMissingModuleSource": "none"
            }

            """),
    ];
}
