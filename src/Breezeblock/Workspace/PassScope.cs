using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// What one pass changes in the interpreter while it runs (the breezeblock and host modules in
/// sys.modules, the folder's finder, captured output, deferred releases of objects finalized
/// elsewhere, and what config code may change for the whole process: the recursion limit, the switch
/// interval, the working directory) and the stop that can interrupt it, put back
/// exactly once: by the pass when it ends, or by the workspace when it gives up on a pass that
/// cannot be stopped (<see cref="Abandon"/>), whose thread may come back much later.
/// </summary>
internal sealed class PassScope(WorkspaceState state, BreezeblockModule breezeblock, FolderFinder finder, PyObject sysModules, Interruption interruption) : IDisposable
{
    private readonly PyObject _sysModules = sysModules.NewReference();
    private bool _entered;
    private OutputCapture? _output;
    private PyObject? _settings;
    private ReleaseDeferral? _releases;
    private int _restored;
    private volatile bool _abandoned;

    public Interruption Interruption { get; } = interruption;

    /// <summary>The evaluation lock this pass holds, released for it when the workspace gives up on it.</summary>
    public EvaluationLock.Lease? Lease { get; set; }

    /// <summary>The config running now, or null (loading, or between configs).</summary>
    public string? RunningConfig { get; set; }

    /// <summary>The pass was stopped while modules were loading: what is loaded is half of something.</summary>
    public bool StoppedWhileLoading { get; set; }

    /// <summary>True once the workspace gave up on this pass: its thread must not touch the workspace again.</summary>
    public bool Abandoned => _abandoned;

    public void Enter(SourceFolder folder)
    {
        _releases = state.Runtime.DeferReleases(); // no __del__ of another workspace's objects runs inside this pass
        _settings = ProcessGuards.SaveSettings();
        breezeblock.Install(_sysModules);
        state.HostModules?.Install(_sysModules);
        var options = state.Options;
        finder.Enter(breezeblock, options.RedirectPrintToStandardError ? options.Limits.MaxOutputCharacters : null);
        _entered = true;
        _output = OutputCapture.Start(state.Runtime, state.Options, folder.Modules);
        if (state.Options.Hermetic)
        {
            Hermetic.Start(state.Runtime, state.Root);
            _hermetic = true;
        }
    }

    private bool _hermetic;

    /// <summary>Ends the hermetic checks of this pass; what config code attempted (and may have caught), where.</summary>
    public List<(string Message, string? File, int Line)> StopHermetic()
    {
        if (!_hermetic)
        {
            return [];
        }
        _hermetic = false;
        return Hermetic.Stop();
    }

    /// <summary>Interruptions raised when the pass started, to tell code that caught one from code blocked in C.</summary>
    public long LandedAtStart { get; } = ProcessGuards.InterruptionsLanded(interruption.ThreadId);

    /// <summary>Where the pass's thread runs the folder's code now; the GIL must be held.</summary>
    public SourceLocation? WhereNow(SourceFolder folder) =>
        ProcessGuards.InnermostFrame(Interruption.ThreadId, state.Root) is var (file, line, _, _) ? folder.Locate(file, line) : null;

    /// <summary>Gives up on the pass (the GIL must be held): its interpreter changes are put back now, and its thread stops at its next bytecode.</summary>
    public void Abandon()
    {
        _abandoned = true;
        Interruption.Detach();
        Restore();
        Lease?.Release();
    }

    private void Restore()
    {
        if (Interlocked.Exchange(ref _restored, 1) != 0)
        {
            return;
        }
        StopHermetic();
        _output?.Dispose();
        if (_entered)
        {
            finder.Leave(breezeblock);
        }
        state.HostModules?.Uninstall(_sysModules);
        _sysModules.Dispose();
        if (_settings is not null)
        {
            ProcessGuards.RestoreSettings(_settings);
            _settings.Dispose();
        }
        _releases?.Dispose(); // last: what waited is released once the interpreter is as it was
    }

    public void Dispose()
    {
        if (!_abandoned)
        {
            Restore();
            Interruption.Dispose();
        }
    }
}
