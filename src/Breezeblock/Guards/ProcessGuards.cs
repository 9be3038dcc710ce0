using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The embedded process_guards.py, installed once per process when the first engine starts: config
/// code that calls <c>os._exit</c>, <c>os.abort</c>, arms a signal or alarm, kills its own process,
/// execs or forks gets a <c>HostProtectionError</c> at its line instead of ending the host (which for
/// the CLI looked like success: exit 0 and no output). A tripwire for accidents; the isolated worker
/// is the boundary for code that must not be trusted.
/// </summary>
internal static class ProcessGuards
{
    private static readonly string[] AuditedEvents = ["os.kill", "os.killpg", "signal.pthread_kill", "os.exec", "os.fork", "os.forkpty"];
    private static readonly GilSafeLock s_lock = new(); // taken with the GIL held
    private static bool s_installed;
    private static PyObject? s_interrupted;
    private static PyObject? s_innermostFrame;
    private static PyObject? s_landedOn;
    private static PyObject? s_saveSettings;
    private static PyObject? s_restoreSettings;
    private static PyObject? s_threadsNow;
    private static PyObject? s_leftRunning;

    /// <summary>The Python threads alive now (the GIL must be held), to find those an evaluation leaves running.</summary>
    public static PyObject ThreadsNow() => s_threadsNow!.Call();

    /// <summary>Threads started since <paramref name="before"/> and still running: name, and where they run the folder's code.</summary>
    public static List<(string Name, string? File, int Line)> LeftRunning(PyObject before, string folder)
    {
        using var found = s_leftRunning!.Call(before, folder.EndsWith('/') ? folder : folder + "/");
        return ((List<object?>)found.ToManaged()!).Cast<List<object?>>()
            .Select(t => ((string)t[0]!, t[1] as string, (int)(long)t[2]!))
            .ToList();
    }

    /// <summary>The exception raised into config code to stop it (<c>breezeblock.EvaluationInterrupted</c>, a BaseException).</summary>
    public static PyObject InterruptedType => s_interrupted ?? throw new InvalidOperationException("the process guards are not installed");

    /// <summary>The type name <see cref="PythonException.PythonType"/> gives for <see cref="InterruptedType"/>.</summary>
    public const string InterruptedTypeName = "breezeblock.EvaluationInterrupted";

    /// <summary>How many interruptions were raised on a thread so far (the GIL must be held): code that went on after one landed caught it.</summary>
    public static long InterruptionsLanded(ulong threadId)
    {
        using var landed = s_landedOn!.Call(threadId);
        return landed.As<long>();
    }

    /// <summary>The process-wide settings config code may change (recursion limit, switch interval, working directory); the GIL must be held.</summary>
    public static PyObject SaveSettings() => s_saveSettings!.Call();

    /// <summary>Puts back what <see cref="SaveSettings"/> saved; the GIL must be held.</summary>
    public static void RestoreSettings(PyObject saved) => s_restoreSettings!.Call(saved).Dispose();

    /// <summary>Where a thread runs the folder's code now (file, line, function, source), or null; the GIL must be held.</summary>
    public static (string File, int Line, string Function, string? Source)? InnermostFrame(ulong threadId, string folder)
    {
        using var found = s_innermostFrame!.Call(threadId, folder.EndsWith('/') ? folder : folder + "/");
        if (found.ToManaged() is not List<object?> { Count: 4 } parts)
        {
            return null;
        }
        return ((string)parts[0]!, (int)(long)parts[1]!, (string)parts[2]!, parts[3] as string);
    }

    /// <summary>Installs the guards unless they are; the GIL must be held.</summary>
    public static void Install(PythonRuntime runtime)
    {
        using (s_lock.Enter())
        {
            if (s_installed)
            {
                return;
            }
            var module = EmbeddedModule.Create(runtime, "_breezeblock_guards", "Guards/process_guards.py");
            using (var error = BreezeblockModule.Get(runtime).Module.GetAttr("HostProtectionError"))
            {
                module.SetAttr("HostProtectionError", error); // the class config code imports and catches
            }
            EmbeddedModule.SetMessages(module,
                ("exit", Messages.ExitBlockedTemplate),
                ("signal", Messages.SignalBlockedTemplate),
                ("kill", Messages.KillBlockedTemplate),
                ("exec", Messages.ExecBlockedTemplate),
                ("fork", Messages.ForkBlockedTemplate));
            using (var install = module.GetAttr("install"))
            {
                install.Call().Dispose();
            }
            s_interrupted = module.GetAttr("EvaluationInterrupted");
            s_innermostFrame = module.GetAttr("innermost_frame");
            s_landedOn = module.GetAttr("landed_on");
            s_saveSettings = module.GetAttr("save_settings");
            s_restoreSettings = module.GetAttr("restore_settings");
            s_threadsNow = module.GetAttr("threads_now");
            s_leftRunning = module.GetAttr("left_running");
            var audit = module.GetAttr("audit");
            PythonAudit.Subscribe(AuditedEvents, (name, arguments) =>
            {
                using var tuple = arguments.ToPyObject();
                audit.Call(name, tuple).Dispose();
            });
            s_installed = true;
        }
    }
}
