using System.Runtime.InteropServices;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// The CPython runtime of this process. CPython is a process-wide singleton that cannot be restarted,
/// so <see cref="Initialize"/> starts it once and returns the same runtime afterwards; asking for a
/// different Python later is an error. Python starts isolated: no signal handlers (the host owns
/// signals), UTF-8 mode, <c>PYTHON*</c> environment variables ignored unless asked for.
/// </summary>
public sealed unsafe partial class PythonRuntime
{
    private static readonly Lock s_lock = new();
    private static PythonRuntime? s_current;
    private static Exception? s_startFailure;

    private readonly PythonWorkers _workers;

    private PythonRuntime(PythonInstallation installation, Version version, PythonOptions options)
    {
        Installation = installation;
        Version = version;
        _workers = new PythonWorkers(options.WorkerStackSize, options.MaxWorkerThreads);
        RecursionLimitCap = Math.Max(1000, options.WorkerStackSize / StackBytesPerLevel);
    }

    /// <summary>The running runtime; throws when Python has not been started.</summary>
    public static PythonRuntime Current =>
        s_current ?? throw new InvalidOperationException("Python has not been started; call PythonRuntime.Initialize first");

    /// <summary>True once Python runs in this process.</summary>
    public static bool IsInitialized => s_current is not null;

    /// <summary>Where the running Python came from.</summary>
    public PythonInstallation Installation { get; }

    /// <summary>The running Python's version, as the library reports it.</summary>
    public Version Version { get; }

    /// <summary>
    /// Starts Python, or returns the runtime already started. A request naming a different Python
    /// than the one running fails with <see cref="PythonStartException"/>.
    /// </summary>
    /// <exception cref="PythonNotFoundException">No usable Python was found.</exception>
    /// <exception cref="PythonStartException">Python could not be started.</exception>
    public static PythonRuntime Initialize(PythonOptions? options = null)
    {
        options ??= new PythonOptions();
        lock (s_lock)
        {
            if (s_current is { } running)
            {
                if (!string.IsNullOrWhiteSpace(options.Path))
                {
                    var requested = PythonLocator.Locate(options.Path);
                    if (!SameFile(requested.LibraryPath, running.Installation.LibraryPath))
                    {
                        throw new PythonStartException(
                            $"Python {running.Version} ({running.Installation.LibraryPath}) already runs in this process, " +
                            $"and CPython cannot be loaded twice; {requested.LibraryPath} was requested. " +
                            "Use one Python per process, or evaluate in a separate process.");
                    }
                }
                return running;
            }
            if (s_startFailure is not null)
            {
                throw new PythonStartException($"Python failed to start earlier in this process and cannot be started again: {s_startFailure.Message}", s_startFailure);
            }
            var installation = PythonLocator.Locate(options.Path);
            try
            {
                s_current = Start(installation, options);
                return s_current;
            }
            catch (Exception e) when (e is PythonStartException or PythonException or DllNotFoundException or EntryPointNotFoundException)
            {
                if (CApi.IsLoaded)
                {
                    s_startFailure = e; // a loaded or half-started CPython cannot be replaced by another
                }
                throw e is PythonStartException ? e : new PythonStartException($"{installation} could not be started: {e.Message}", e);
            }
        }
    }

    private static PythonRuntime Start(PythonInstallation installation, PythonOptions options)
    {
        CApi.Load(installation.LibraryPath);
        var versionText = Marshal.PtrToStringUTF8((nint)CApi.Py_GetVersion()) ?? "";
        var version = ParseVersion(versionText);
        if (version < PythonInstallation.MinimumVersion)
        {
            throw new PythonStartException($"{installation.LibraryPath} is Python {version}; Breezeblock needs {PythonInstallation.MinimumVersion} or newer");
        }
        if (versionText.Contains("free-threading", StringComparison.OrdinalIgnoreCase))
        {
            throw new PythonStartException($"{installation.LibraryPath} is a free-threaded build (no GIL), which Breezeblock does not support");
        }
        if (CApi.Py_IsInitialized() != 0)
        {
            throw new PythonStartException("Python was already started in this process by other code; Breezeblock must start it itself");
        }
        InitializeInterpreter(installation, options.HashSeed);
        Gil.AdoptInitializingThread();
        var runtime = new PythonRuntime(installation, version, options);
        try
        {
            runtime.ConfigureSys(options);
        }
        finally
        {
            Gil.Exit(1); // any .NET thread may enter from now on
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => FlushStandardStreams();
        return runtime;
    }

    // Python is never finalized (CPython cannot be restarted, and finalizing under a live .NET
    // runtime is fragile), so what user code printed into Python's buffers is flushed at exit here.
    // Another thread may hold the GIL for good at that point, so the wait is bounded.
    private static void FlushStandardStreams()
    {
        var flusher = new Thread(() =>
        {
            var depth = Gil.Enter();
            try
            {
                Current.Execute("import sys\nfor stream in (sys.stdout, sys.stderr):\n    try:\n        stream.flush()\n    except Exception:\n        pass\n", "<breezeblock exit>").Dispose();
            }
            catch (PythonException)
            {
                // nothing more can be done for output at exit
            }
            finally
            {
                Gil.Exit(depth);
            }
        }) { IsBackground = true, Name = "Python exit flush" };
        flusher.Start();
        flusher.Join(TimeSpan.FromSeconds(2));
    }

    // PyConfig's layout differs between versions, so no field is written directly: the isolated
    // presets give no signal handlers, no environment and no user site; argv[0] sets the program
    // name, from which Python derives sys.executable, sys.prefix and any virtual environment.
    private static void InitializeInterpreter(PythonInstallation installation, uint? hashSeed)
    {
        CApi.PyPreConfig preConfig;
        CApi.PyPreConfig_InitIsolatedConfig(&preConfig);
        preConfig.Utf8Mode = 1;
        ThrowOnError(CApi.Py_PreInitialize(&preConfig), installation);

        var config = NativeMemory.AllocZeroed(CApi.PyConfigReservedSize);
        try
        {
            CApi.PyConfig_InitIsolatedConfig(config);
            if (hashSeed is { } seed)
            {
                // The one pair of fields written directly: PyConfig begins with six ints (_config_init,
                // isolated, use_environment, dev_mode, install_signal_handlers, use_hash_seed) and then
                // unsigned long hash_seed, in every version from 3.9 to 3.13.
                *(int*)((byte*)config + 5 * sizeof(int)) = 1;
                *(nuint*)((byte*)config + 6 * sizeof(int)) = seed;
            }
            fixed (byte* program = PyStrings.Utf8Z(installation.ProgramPath))
            {
                var argv = stackalloc byte*[] { program };
                ThrowOnError(CApi.PyConfig_SetBytesArgv(config, 1, argv), installation);
            }
            ThrowOnError(CApi.Py_InitializeFromConfig(config), installation);
        }
        finally
        {
            CApi.PyConfig_Clear(config);
            NativeMemory.Free(config);
        }
    }

    private static void ThrowOnError(CApi.PyStatus status, PythonInstallation installation)
    {
        if (status.IsException)
        {
            throw new PythonStartException($"{installation} failed to initialize: {status.Describe()}");
        }
    }

    /// <summary>
    /// The highest recursion limit Python code may set: what the worker threads' stack holds at
    /// <see cref="StackBytesPerLevel"/> per level. <c>sys.setrecursionlimit</c> above it sets this.
    /// </summary>
    public int RecursionLimitCap { get; }

    /// <summary>
    /// The stack one level of recursion may take, with a wide margin: measured at most ~420 bytes for a
    /// Python call (3.10) and ~150 for C recursion such as <c>repr</c> and <c>json</c> of nested lists.
    /// </summary>
    internal const int StackBytesPerLevel = 4096;

    private void ConfigureSys(PythonOptions options)
    {
        using var sys = Import("sys");
        sys.SetAttr("argv", options.Arguments.ToList());
        CapRecursionLimit(sys);
        var front = options.ModuleSearchPaths.ToList();
        if (options.UseEnvironmentVariables && Environment.GetEnvironmentVariable("PYTHONPATH") is { Length: > 0 } pythonPath)
        {
            front.AddRange(pythonPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        }
        if (front.Count > 0)
        {
            using var path = sys.GetAttr("path");
            var combined = front.Select(p => (object?)Path.GetFullPath(p)).Concat(path.ToManaged() as List<object?> ?? []).ToList();
            sys.SetAttr("path", combined);
        }
    }

    // C code that recurses (repr, json, pickle of nested data) and, before 3.11, every Python call
    // use the thread's stack, bounded only by the recursion limit: a limit raised past what the stack
    // holds ends in a segfault. sys.setrecursionlimit is replaced with one that caps the limit. It is
    // .NET code, as the original is C: no Python frame of its own counts toward the depth it checks,
    // and anything but an int above the cap goes to the original as it came, with its own errors.
    private void CapRecursionLimit(PyObject sys)
    {
        var original = sys.GetAttr("setrecursionlimit"); // kept for the process, as the replacement is
        var cap = RecursionLimitCap;
        using (var limit = sys.GetAttr("getrecursionlimit"))
        using (var current = limit.Call())
        {
            if (current.As<long>() > cap)
            {
                original.Call(cap).Dispose();
            }
        }
        string? doc, signature;
        using (var text = original.GetAttr("__doc__"))
        using (var parameters = original.GetAttr("__text_signature__"))
        {
            doc = text.IsNone ? null : text.As<string>();
            signature = parameters.IsNone ? "($module, new_limit, /)" : parameters.As<string>();
        }
        // Called as the builtin it is (METH_O), not through another call: a C call made from a C function
        // counts one more level of recursion, which sys.setrecursionlimit compares the new limit with.
        var direct = CApi.PyCFunction_GetFlags(original.Handle) == CApi.METH_O ? (delegate* unmanaged<nint, nint, nint>)CApi.PyCFunction_GetFunction(original.Handle) : null;
        CApi.PyErr_Clear();
        var self = direct is null ? 0 : CApi.PyCFunction_GetSelf(original.Handle);
        PyObject Set(nint limit)
        {
            if (direct is not null)
            {
                return PyObject.Steal(Check.NotNull(direct(self, limit)));
            }
            using var argument = PyObject.Borrow(limit);
            return original.Call(argument);
        }
        using var capped = PyFunction.CreateOwned("setrecursionlimit", args =>
        {
            if (args is { PositionalCount: 1, KeywordCount: 0 })
            {
                if (args[0].IsInt && args[0].AsBigInteger() > cap)
                {
                    using var limit = PyObject.From(cap);
                    return Set(limit.Handle);
                }
                return Set(args[0].Handle);
            }
            return original.CallWith(args); // a wrong call: the original's own error
        }, $"setrecursionlimit{signature}\n--\n\n{doc ?? ""}\n\nCapped at {cap}, what the host's evaluation stack holds.", "sys"); // the text signature, as the original's
        sys.SetAttr("setrecursionlimit", capped);
    }

    /// <summary>Enters the GIL on the calling thread until the scope is disposed (see <see cref="GilScope"/>).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An instance member: holding the runtime proves Python has been started.")]
    public GilScope Acquire() => new(Gil.Enter());

    /// <summary>True when the calling thread holds the GIL.</summary>
    public static bool HoldsGil => Gil.IsHeld;

    /// <summary>Releases the GIL held by this thread until the returned scope is disposed.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An instance member: holding the runtime proves Python has been started.")]
    public GilRelease AllowThreads() => new(Gil.Suspend());

    /// <summary>
    /// Runs Python work with the GIL on a thread whose stack is large enough for deep recursion to end
    /// in RecursionError: the calling thread when it qualifies (or already holds the GIL), else a worker.
    /// </summary>
    public T Run<T>(Func<T> work) => _workers.Run(work);

    /// <summary>Like <see cref="Run{T}(Func{T})"/> without a result.</summary>
    public void Run(Action work) => _workers.Run(() =>
    {
        work();
        return true;
    });

    /// <summary>
    /// Defers releasing Python objects whose .NET owners were finalized or disposed without the GIL
    /// until the returned scope is disposed (with the GIL held): releasing runs their <c>__del__</c>,
    /// which must not run in the middle of work that watches what Python does (an evaluation, say).
    /// Deferrals nest; the last one to end releases what waited.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An instance member: holding the runtime proves Python has been started.")]
    public ReleaseDeferral DeferReleases()
    {
        ReleaseQueue.Defer();
        return new ReleaseDeferral();
    }

    /// <summary>Runs Python work on a worker thread without blocking the caller.</summary>
    public Task<T> RunAsync<T>(Func<T> work) => _workers.RunAsync(work);

    private static Version ParseVersion(string text)
    {
        var numbers = new string(text.TakeWhile(c => char.IsDigit(c) || c == '.').ToArray()).Split('.', StringSplitOptions.RemoveEmptyEntries);
        return numbers.Length >= 2
            ? new Version(int.Parse(numbers[0]), int.Parse(numbers[1]), numbers.Length > 2 ? int.Parse(numbers[2]) : 0)
            : new Version(0, 0);
    }

    private static bool SameFile(string a, string b)
    {
        static string Resolve(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        return Resolve(a) == Resolve(b);
    }
}
