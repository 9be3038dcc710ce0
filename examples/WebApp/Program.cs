using Microsoft.Extensions.Options;
using WebApp;

var builder = WebApplication.CreateBuilder(args);

// ---- the wiring the README shows ----
builder.Configuration.AddPythonConfig("configs", optional: false, reloadOnChange: true, python =>
{
    new WebAppHost().Configure(python);                                 // from webapp import Upstream, catalog_url
    python.Inputs["environment"] = builder.Environment.EnvironmentName; // def app(environment, catalog_token): ...
    python.Secrets["catalog_token"] = builder.Configuration["Catalog:Token"] ?? "";  // user secrets, or Catalog__Token
});
builder.Services.AddOptions<AppOptions>().Bind(builder.Configuration.GetSection("app")).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddPythonConfig();                                   // logging, and reloads validated before anyone sees them
var app = builder.Build();
app.MapGet("/options", (IOptionsMonitor<AppOptions> options) => options.CurrentValue);
// ---- end of the wiring ----

app.Run();

/// <summary>The app's entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
