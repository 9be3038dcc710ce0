using Breezeblock;
using Quickstart.Host;

// dotnet run --project examples/Quickstart.Host [CONFIG_FOLDER]
var folder = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "configs");
var options = new ConfigOptions();
new QuickstartHost().Configure(options);
try
{
    using var engine = new ConfigEngine(options);
    using var result = engine.Evaluate(folder);
    foreach (var name in result.Names)
    {
        Console.WriteLine($"Config received! {name}: {result.Get<Config>(name).Name}");
    }
    return 0;
}
catch (ConfigException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}
