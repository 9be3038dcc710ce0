using System.Threading.Channels;

namespace Breezeblock.Cli.LanguageServer;

/// <summary>What a folder's session tells the editor.</summary>
internal interface ILanguageClient
{
    void Publish(PublishDiagnosticsParams diagnostics);

    /// <summary>Asks the editor to ask again for code lenses and inlay hints: the wiring changed.</summary>
    void Refresh();

    void Log(string message);

    /// <summary>An evaluation ended, with or without errors (<c>breezeblock/evaluated</c>: the editor's status, and tests' signal).</summary>
    void Evaluated(EvaluatedParams evaluated);
}

/// <summary>
/// One config folder the editor has open: a workspace kept loaded, checked again a moment after each
/// edit (<see cref="FolderSettings.DebounceMilliseconds"/>) with the editor's unsaved text, and
/// evaluated on save or when typing pauses (<see cref="FolderSettings.IdleMilliseconds"/>). All of it
/// runs on the session's own loop, never on a request's thread; a newer edit cancels an evaluation
/// under way. Requests read <see cref="Index"/> and <see cref="LastGood"/>, which are replaced whole.
/// </summary>
internal sealed class FolderSession : IDisposable
{
    private readonly ConfigEngine _engine;
    private readonly ConfigWorkspace _workspace;
    private readonly ILanguageClient _client;
    private readonly OpenDocuments _documents;
    private readonly FolderSettings _settings;
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, (string Text, SourceOutline Outline)> _outlines = new(StringComparer.Ordinal);
    private readonly FolderDiagnostics _diagnostics;
    private readonly Task _loop;
    private int _generation;
    private int _evaluateNow = 1; // the first pass evaluates
    private CancellationTokenSource? _evaluation;
    private IReadOnlyList<ConfigError> _checkProblems = [];
    private IReadOnlyList<ConfigError> _evaluationProblems = [];

    public FolderSession(string folder, ConfigOptions options, IReadOnlyDictionary<string, string> inputTexts, InputSources inputs, FolderSettings settings, OpenDocuments documents, ILanguageClient client)
    {
        Inputs = inputs;
        Folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        InputTexts = inputTexts;
        _settings = settings;
        _documents = documents;
        _client = client;
        _engine = new ConfigEngine(options);
        _workspace = _engine.OpenWorkspace(Folder);
        _diagnostics = new FolderDiagnostics(documents, client) { Inputs = inputs };
        _loop = Task.Factory.StartNew(Loop, TaskCreationOptions.LongRunning).Unwrap();
    }

    /// <summary>The config folder's absolute path.</summary>
    public string Folder { get; }

    /// <summary>Where each input came from, as the command line would say (<c>--set environment=dev</c>).</summary>
    public IReadOnlyDictionary<string, string> InputTexts { get; }

    /// <summary>Where the folder's values files give each input.</summary>
    public InputSources Inputs { get; }

    /// <summary>The wiring as the last check found it.</summary>
    public WiringIndex Index { get; private set; } = WiringIndex.Empty;

    /// <summary>The result of the last evaluation that succeeded, or null.</summary>
    public ConfigResult? LastGood => _workspace.LastGoodResult;

    /// <summary>True when <paramref name="path"/> is a file of this folder.</summary>
    public bool Contains(string path) => path.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// A file of the folder changed: <paramref name="unsaved"/> is the editor's text (null: the file as
    /// saved). Cancels an evaluation under way; the folder is checked again once typing pauses.
    /// </summary>
    public void Changed(string path, string? unsaved, bool saved)
    {
        if (path.EndsWith(".py", StringComparison.Ordinal))
        {
            _workspace.SetUnsavedText(path, unsaved);
        }
        Interlocked.Increment(ref _generation);
        if (saved)
        {
            Volatile.Write(ref _evaluateNow, 1);
        }
        try
        {
            Volatile.Read(ref _evaluation)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // it ended meanwhile
        }
        _changes.Writer.TryWrite(true);
    }

    /// <summary>Checks and evaluates the folder as the editor has it (its open documents' text), as if it had just changed.</summary>
    public void Start()
    {
        foreach (var document in _documents.All.Where(d => Contains(d.Path) && d.Path.EndsWith(".py", StringComparison.Ordinal)))
        {
            _workspace.SetUnsavedText(document.Path, document.Text);
        }
        _changes.Writer.TryWrite(true);
    }

    /// <summary>The outline of a file as the editor has it (the last one that parsed, while it does not).</summary>
    public SourceOutline? Outline(string path)
    {
        lock (_outlines)
        {
            var text = _documents.Text(path);
            if (text is null)
            {
                return _outlines.TryGetValue(path, out var kept) ? kept.Outline : null;
            }
            if (_outlines.TryGetValue(path, out var known) && known.Text == text)
            {
                return known.Outline;
            }
            var outline = _engine.Outline(text);
            if (outline.SyntaxErrorLine is not null && _outlines.TryGetValue(path, out var previous))
            {
                return previous.Outline; // half-typed: the places are close enough until it parses again
            }
            _outlines[path] = (text, outline);
            return outline;
        }
    }

    private async Task Loop()
    {
        var stop = _stop.Token;
        try
        {
            while (await _changes.Reader.WaitToReadAsync(stop))
            {
                _changes.Reader.TryRead(out _);
                int generation;
                do
                {
                    generation = Volatile.Read(ref _generation);
                    await Task.Delay(_settings.DebounceMilliseconds, stop);
                }
                while (generation != Volatile.Read(ref _generation));
                if (!CheckNow())
                {
                    continue;
                }
                if (Interlocked.Exchange(ref _evaluateNow, 0) == 0 && await ChangedWithin(_settings.IdleMilliseconds, stop))
                {
                    continue; // still typing: check again first
                }
                if (generation == Volatile.Read(ref _generation))
                {
                    EvaluateNow(generation, stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // closed
        }
    }

    // True when a change arrives within the time.
    private async Task<bool> ChangedWithin(int milliseconds, CancellationToken stop)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
        wait.CancelAfter(milliseconds);
        try
        {
            return await _changes.Reader.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return false;
        }
    }

    // Checks the folder and publishes what it found; true when it found no error (an evaluation may follow).
    private bool CheckNow()
    {
        ConfigCheck? check = null;
        IReadOnlyList<ConfigError> problems;
        try
        {
            check = _workspace.Check();
            problems = [.. check.Errors, .. check.Warnings];
            Index = WiringIndex.Build(check, Outline);
        }
        catch (ConfigException e)
        {
            problems = e.Errors; // past its time limit, or the folder is gone
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _client.Log(CliMessages.LanguageServerFailed(Folder, e.Message));
            return false;
        }
        _checkProblems = problems;
        if (check is not { Succeeded: true })
        {
            _evaluationProblems = []; // about code that has changed since: the check's errors say more
        }
        _diagnostics.Publish([.. _checkProblems, .. _evaluationProblems]);
        _client.Refresh();
        return check is { Succeeded: true };
    }

    private void EvaluateNow(int generation, CancellationToken stop)
    {
        using var evaluation = CancellationTokenSource.CreateLinkedTokenSource(stop);
        Volatile.Write(ref _evaluation, evaluation);
        if (generation != Volatile.Read(ref _generation))
        {
            return; // changed before it could start: the loop checks first
        }
        var succeeded = false;
        var ran = 0;
        try
        {
            using var result = _workspace.Evaluate(cancellationToken: evaluation.Token);
            _evaluationProblems = result.Warnings;
            succeeded = true;
            ran = result.Report.Ran.Count;
        }
        catch (OperationCanceledException)
        {
            return; // a newer edit: its check comes next
        }
        catch (ConfigException e)
        {
            _evaluationProblems = e.Errors;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _client.Log(CliMessages.LanguageServerFailed(Folder, e.Message));
            return;
        }
        finally
        {
            Volatile.Write(ref _evaluation, null);
        }
        if (generation == Volatile.Read(ref _generation))
        {
            _diagnostics.Publish([.. _checkProblems.Where(p => p.Severity == ConfigErrorSeverity.Warning), .. _evaluationProblems]);
            _client.Refresh();
            _client.Evaluated(new EvaluatedParams(DocumentUris.FromPath(Folder), succeeded, succeeded ? 0 : _evaluationProblems.Count, Index.Configs.Count, ran, [.. InputTexts.Keys.Order(StringComparer.Ordinal)]));
        }
    }

    /// <summary>Takes back every diagnostic this session published (before it is replaced by another).</summary>
    public void ClearDiagnostics() => _diagnostics.ClearAll();

    public void Dispose()
    {
        _stop.Cancel();
        Volatile.Read(ref _evaluation)?.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // it said why when it failed
        }
        _workspace.Dispose();
        _engine.Dispose();
        _stop.Dispose();
    }
}
