using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The embedded hermetic.py, made once per process: while a hermetic pass runs (<see cref="ConfigOptions.Hermetic"/>),
/// config code that reads outside its folder and the standard library, writes, uses the network,
/// starts a process or reads the environment gets a <c>HermeticError</c> at its line, and the
/// evaluation fails even when the code catches it.
/// </summary>
internal static class Hermetic
{
    private static readonly GilSafeLock s_lock = new(); // taken with the GIL held
    private static PyObject? s_start;
    private static PyObject? s_stop;
    private static PyObject? s_engineBusy;
    private static volatile bool s_active;

    /// <summary>Starts checking for a pass over <paramref name="root"/>; the GIL must be held.</summary>
    public static void Start(PythonRuntime runtime, string root)
    {
        Install(runtime);
        s_start!.Call(root, s_engineBusy).Dispose();
        s_active = true;
    }

    /// <summary>Stops checking; what was attempted, where.</summary>
    public static List<(string Message, string? File, int Line)> Stop()
    {
        s_active = false;
        if (s_stop is null)
        {
            return [];
        }
        using var found = s_stop.Call();
        return ((List<object?>)found.ToManaged()!).Cast<List<object?>>()
            .Select(v => ((string)v[0]!, v[1] as string, (int)(long)v[2]!))
            .ToList();
    }

    private static void Install(PythonRuntime runtime)
    {
        using (s_lock.Enter())
        {
            if (s_start is not null)
            {
                return;
            }
            var module = EmbeddedModule.Create(runtime, "_breezeblock_hermetic", "Guards/hermetic.py");
            using (var error = BreezeblockModule.Get(runtime).Module.GetAttr("HermeticError"))
            {
                module.SetAttr("HermeticError", error); // the class config code imports and catches
            }
            EmbeddedModule.SetMessages(module,
                ("read", Messages.HermeticReadTemplate),
                ("write", Messages.HermeticWriteTemplate),
                ("network", Messages.HermeticNetworkTemplate),
                ("process", Messages.HermeticProcessTemplate),
                ("environment", Messages.HermeticEnvironmentTemplate));
            var audit = module.GetAttr("audit");
            using var events = module.GetAttr("EVENTS");
            PythonAudit.Subscribe(((List<object?>)events.ToManaged()!).Cast<string>(), (name, arguments) =>
            {
                if (s_active)
                {
                    using var tuple = arguments.ToPyObject();
                    audit.Call(name, tuple).Dispose();
                }
            });
            s_engineBusy = LoaderModule.Get(runtime).EngineBusy;
            s_stop = module.GetAttr("stop");
            s_start = module.GetAttr("start");
        }
    }
}
