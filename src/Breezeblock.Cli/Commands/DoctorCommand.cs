using System.CommandLine;
using Breezeblock.Python;

namespace Breezeblock.Cli;

/// <summary>
/// <c>breezeblock doctor</c>: which Python is used and why (each rule of the search order, and what it
/// found), its version, library, prefix and site-packages; what to install when none works.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(CliSetup setup)
    {
        var command = new Command("doctor", "Show which Python breezeblock uses and why: every place tried in the search order, the version, library, prefix and site-packages; or what to install when none works");
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, setup);
            return context.Guard(() =>
            {
                var search = PythonLocator.Diagnose(context.PythonPath);
                var lines = new List<string>();
                if (search.Installation is not { } found)
                {
                    lines.Add(CliMessages.DoctorNoPython);
                    lines.Add("");
                    lines.Add(CliMessages.DoctorSearchOrder);
                    lines.AddRange(search.Attempts.Select(a => $"  - {a.Place}: {a.Outcome}"));
                    lines.Add("");
                    lines.Add(search.Advice!);
                    context.Out.Write(string.Join('\n', lines) + "\n");
                    return ExitCodes.UsageError;
                }
                var options = new ConfigOptions();
                options.Python.Path = context.PythonPath;
                using var engine = new ConfigEngine(options); // Python as every command starts it
                var runtime = engine.Runtime;
                var facts = runtime.Run(() => Facts(runtime));
                lines.Add(Row("python", $"{facts["version"]} ({CliMessages.DoctorWorks})"));
                lines.Add(Row("found by", runtime.Installation.FoundBy));
                lines.Add(Row("library", runtime.Installation.LibraryPath));
                lines.Add(Row("program", runtime.Installation.ProgramPath));
                lines.Add(Row("prefix", facts["prefix"]));
                if (facts["base_prefix"] != facts["prefix"])
                {
                    lines.Add(Row("base prefix", facts["base_prefix"] + "  " + CliMessages.DoctorVirtualEnvironment));
                }
                lines.Add(Row("site-packages", facts["site"].Length > 0 ? facts["site"] : CliMessages.DoctorNoSitePackages));
                lines.Add(Row("breezeblock", CliMessages.Version));
                lines.Add("");
                lines.Add(CliMessages.DoctorSearchOrder);
                lines.AddRange(search.Attempts.Select(a => $"  - {a.Place}: {a.Outcome}"));
                context.Out.Write(string.Join('\n', lines) + "\n");
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static string Row(string label, string value) => $"{label,-14} {value}";

    private static Dictionary<string, string> Facts(PythonRuntime runtime)
    {
        const string Script = """
            import site, sys
            _facts = {
                "version": ("CPython " if sys.implementation.name == "cpython" else sys.implementation.name + " ") + sys.version.split()[0],
                "prefix": sys.prefix,
                "base_prefix": sys.base_prefix,
                "site": ", ".join(p for p in sys.path if p.endswith(("site-packages", "dist-packages"))),
            }
            """;
        using var globals = runtime.Evaluate("{}");
        runtime.Execute(Script, "<doctor>", globals).Dispose();
        using var facts = globals.GetItem("_facts");
        return ((Dictionary<object, object?>)facts.ToManaged()!).ToDictionary(p => (string)p.Key, p => (string)p.Value!, StringComparer.Ordinal);
    }
}
