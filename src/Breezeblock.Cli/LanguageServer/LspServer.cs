using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using StreamJsonRpc;

namespace Breezeblock.Cli.LanguageServer;

internal sealed record WorkspaceFolder(string Uri, string Name);

internal sealed record InitializeParams(string? RootUri, WorkspaceFolder[]? WorkspaceFolders, JsonElement? InitializationOptions, JsonElement? Capabilities);

internal sealed record FileEvent(string Uri, int Type);

internal sealed record DidChangeWatchedFilesParams(FileEvent[] Changes);

/// <summary>
/// <c>breezeblock lsp</c>: the Language Server Protocol (3.17) over stdio, on StreamJsonRpc. One
/// <see cref="FolderSession"/> per workspace folder (its config folder as the folder's settings say);
/// documents are tracked as the editor edits them and handed to their folder's session. Requests
/// answer from what the last check and evaluation found, on the protocol's threads; a request that
/// fails answers nothing and says why in the editor's log, and the server carries on.
/// </summary>
internal sealed class LspServer : ILanguageClient
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
    };

    private readonly OpenDocuments _documents = new();
    private readonly IReadOnlyList<string> _baseArguments;
    private readonly CliSetup _setup;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _sessionsLock = new();
    private List<FolderSession> _sessions = [];
    private List<WorkspaceFolder> _folders = [];
    private JsonElement? _settings;
    private bool _refreshLenses;
    private bool _refreshHints;
    private JsonRpc? _rpc;

    private LspServer(IReadOnlyList<string> baseArguments, CliSetup setup)
    {
        _baseArguments = baseArguments;
        _setup = setup;
    }

    /// <summary>Serves the protocol on <paramref name="input"/> and <paramref name="output"/> until the editor says exit (0), or the input ends or a signal stops it (1).</summary>
    public static async Task<int> Serve(Stream input, Stream output, IReadOnlyList<string> baseArguments, CliSetup setup)
    {
        var server = new LspServer(baseArguments, setup);
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = Json };
        using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(output, input, formatter))
        {
            // One message at a time, in the order they came: edits must apply in order, and every handler is quick.
            SynchronizationContext = new Microsoft.VisualStudio.Threading.NonConcurrentSynchronizationContext(sticky: false),
        };
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true, AllowNonPublicInvocation = true });
        server._rpc = rpc;
        rpc.StartListening();
        var stopped = new TaskCompletionSource();
        await using var onSignal = setup.Streams.Stop.Register(() => stopped.TrySetResult()); // SIGTERM, SIGINT
        var ended = await Task.WhenAny(server._exited.Task, rpc.Completion, stopped.Task);
        if (ended == server._exited.Task)
        {
            // The answers to what came before exit are written first: the editor closes its end once it has them.
            await Task.WhenAny(rpc.Completion, Task.Delay(TimeSpan.FromSeconds(2)));
        }
        server.CloseSessions(clear: false);
        return ended == server._exited.Task ? 0 : 1;
    }

    // ---- lifecycle ----

    [JsonRpcMethod("initialize")]
    public object Initialize(InitializeParams request)
    {
        _settings = request.InitializationOptions;
        _folders = request.WorkspaceFolders is { Length: > 0 } folders ? [.. folders]
            : request.RootUri is { } root ? [new WorkspaceFolder(root, Path.GetFileName(DocumentUris.ToPath(root)))] : [];
        _refreshLenses = Supports(request.Capabilities, "workspace", "codeLens", "refreshSupport");
        _refreshHints = Supports(request.Capabilities, "workspace", "inlayHint", "refreshSupport");
        return new
        {
            capabilities = new
            {
                positionEncoding = "utf-16",
                textDocumentSync = new { openClose = true, change = 2, save = new { includeText = false } },
                definitionProvider = true,
                referencesProvider = true,
                hoverProvider = true,
                renameProvider = new { prepareProvider = true },
                completionProvider = new { triggerCharacters = new[] { "(", ",", " " } },
                codeActionProvider = new { codeActionKinds = new[] { "quickfix" } },
                codeLensProvider = new { resolveProvider = false },
                inlayHintProvider = true,
            },
            serverInfo = new { name = "breezeblock", version = typeof(LspServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion },
        };
    }

    [JsonRpcMethod("initialized")]
    public void Initialized(JsonElement request) => OpenSessions();

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        CloseSessions(clear: false);
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => _exited.TrySetResult();

    [JsonRpcMethod("workspace/didChangeConfiguration")]
    public void DidChangeConfiguration(DidChangeConfigurationParams request) => Guard(() =>
    {
        _settings = request.Settings.ValueKind == JsonValueKind.Object && request.Settings.TryGetProperty("breezeblock", out var ours) ? ours : request.Settings;
        CloseSessions(clear: true);
        OpenSessions();
    });

    private void OpenSessions()
    {
        var sessions = new List<FolderSession>();
        foreach (var folder in _folders)
        {
            var root = DocumentUris.ToPath(folder.Uri);
            var settings = FolderSettings.Read(_settings, folder.Uri);
            try
            {
                var configFolders = settings.ConfigFolder is null ? ConfigFolders.Find(root) : [Path.GetFullPath(settings.ConfigFolder, root)];
                if (configFolders.Count == 0)
                {
                    Log(CliMessages.LanguageServerNoConfigFolder(root));
                }
                var values = settings.Values.Select(v => Path.GetFullPath(v, root)).ToList();
                foreach (var configFolder in configFolders)
                {
                    var (options, inputTexts) = settings.Build(_baseArguments, root, _setup); // options of its own: each folder's engine keeps them
                    sessions.Add(new FolderSession(configFolder, options, inputTexts, new InputSources(values), settings, _documents, this));
                }
            }
            catch (Exception e) when (e is CommandException or HostLoadException or ConfigException or Python.PythonNotFoundException or Python.PythonStartException)
            {
                ShowError(CliMessages.LanguageServerFolderUnusable(root, e is ConfigException config ? config.Errors[0].Message : e.Message));
            }
        }
        lock (_sessionsLock)
        {
            _sessions = sessions;
        }
        foreach (var session in sessions)
        {
            session.Start();
        }
    }

    private void CloseSessions(bool clear)
    {
        List<FolderSession> sessions;
        lock (_sessionsLock)
        {
            (sessions, _sessions) = (_sessions, []);
        }
        foreach (var session in sessions)
        {
            if (clear)
            {
                session.ClearDiagnostics();
            }
            session.Dispose();
        }
    }

    // ---- documents ----

    [JsonRpcMethod("textDocument/didOpen")]
    public void DidOpen(DidOpenTextDocumentParams request) => Guard(() =>
    {
        var document = _documents.Open(request.TextDocument.Uri, request.TextDocument.Version, request.TextDocument.Text);
        SessionFor(document.Path)?.Changed(document.Path, document.Text, saved: false);
    });

    [JsonRpcMethod("textDocument/didChange")]
    public void DidChange(DidChangeTextDocumentParams request) => Guard(() =>
    {
        if (_documents.Change(request.TextDocument.Uri, request.TextDocument.Version, request.ContentChanges) is { } document)
        {
            SessionFor(document.Path)?.Changed(document.Path, document.Text, saved: false);
        }
    });

    [JsonRpcMethod("textDocument/didSave")]
    public void DidSave(DidSaveTextDocumentParams request) => Guard(() =>
    {
        var path = DocumentUris.ToPath(request.TextDocument.Uri);
        SessionFor(path)?.Changed(path, null, saved: true); // saved: the disk has what the editor has
    });

    [JsonRpcMethod("textDocument/didClose")]
    public void DidClose(DidCloseTextDocumentParams request) => Guard(() =>
    {
        _documents.Close(request.TextDocument.Uri);
        var path = DocumentUris.ToPath(request.TextDocument.Uri);
        SessionFor(path)?.Changed(path, null, saved: false); // unsaved changes closed without saving are gone
    });

    [JsonRpcMethod("workspace/didChangeWatchedFiles")]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams request) => Guard(() =>
    {
        var paths = request.Changes.Select(c => DocumentUris.ToPath(c.Uri)).ToList();
        bool ValuesChanged()
        {
            lock (_sessionsLock)
            {
                return _sessions.Any(s => paths.Any(s.Inputs.Reads));
            }
        }
        if (ValuesChanged())
        {
            CloseSessions(clear: true); // inputs are read when a session opens: open them again
            OpenSessions();
            return;
        }
        foreach (var path in paths)
        {
            SessionFor(path)?.Changed(path, _documents.Get(path)?.Text, saved: true);
        }
    });

    // ---- requests ----

    [JsonRpcMethod("textDocument/definition")]
    public Location? Definition(TextDocumentPositionParams request) =>
        Answer(request.TextDocument, (session, path) => Navigation.Definition(session, _documents, path, request.Position));

    [JsonRpcMethod("textDocument/references")]
    public List<Location>? References(ReferenceParams request) =>
        Answer(request.TextDocument, (session, path) => Navigation.References(session, _documents, path, request.Position, request.Context?.IncludeDeclaration ?? true));

    [JsonRpcMethod("textDocument/prepareRename")]
    public PrepareRenameResult? PrepareRename(TextDocumentPositionParams request) =>
        Answer(request.TextDocument, (session, path) => Navigation.PrepareRename(session, path, request.Position));

    [JsonRpcMethod("textDocument/rename")]
    public WorkspaceEdit? Rename(RenameParams request) =>
        Answer(request.TextDocument, (session, path) => Navigation.Rename(session, _documents, path, request.Position, request.NewName));

    [JsonRpcMethod("textDocument/hover")]
    public Hover? Hover(TextDocumentPositionParams request) =>
        Answer(request.TextDocument, (session, path) => HoverText.For(session, _documents, path, request.Position));

    [JsonRpcMethod("textDocument/completion")]
    public CompletionList? Completion(TextDocumentPositionParams request) =>
        Answer(request.TextDocument, (session, path) => EditorHints.Completion(session, _documents, path, request.Position));

    [JsonRpcMethod("textDocument/codeAction")]
    public CodeAction[]? CodeAction(CodeActionParams request) =>
        Answer(request.TextDocument, (session, path) => EditorHints.QuickFixes(session, _documents, path, request));

    [JsonRpcMethod("textDocument/codeLens")]
    public CodeLens[]? CodeLens(CodeLensParams request) =>
        Answer(request.TextDocument, (session, path) => EditorHints.Lenses(session, _documents, path));

    [JsonRpcMethod("textDocument/inlayHint")]
    public InlayHint[]? InlayHint(InlayHintParams request) =>
        Answer(request.TextDocument, (session, path) => EditorHints.InlayHints(session, path, request.Range));

    /// <summary>A config's whole value (secrets redacted), for the hover's link; null when there is none.</summary>
    [JsonRpcMethod("breezeblock/value")]
    public string? Value(ValueParams request) =>
        Answer(request.TextDocument, (session, _) => session.LastGood is { } result && result.Contains(request.Name) ? result.ToJson(request.Name, indented: true) : null);

    private FolderSession? SessionFor(string path)
    {
        lock (_sessionsLock)
        {
            return _sessions.Where(s => s.Contains(path)).MaxBy(s => s.Folder.Length);
        }
    }

    private T? Answer<T>(TextDocumentIdentifier document, Func<FolderSession, string, T?> answer) where T : class
    {
        var path = DocumentUris.ToPath(document.Uri);
        if (SessionFor(path) is not { } session)
        {
            return null;
        }
        try
        {
            return answer(session, path);
        }
        catch (RequestRefused refused)
        {
            throw new LocalRpcException(refused.Message) { ErrorCode = -32803 }; // RequestFailed: the editor shows the message
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log(CliMessages.LanguageServerRequestFailed(document.Uri, e.Message));
            return null;
        }
    }

    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log(CliMessages.LanguageServerFailed("", e.Message));
        }
    }

    private static bool Supports(JsonElement? capabilities, params string[] path)
    {
        if (capabilities is not { ValueKind: JsonValueKind.Object } at)
        {
            return false;
        }
        foreach (var name in path)
        {
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(name, out at))
            {
                return false;
            }
        }
        return at.ValueKind == JsonValueKind.True;
    }

    // ---- what sessions tell the editor ----

    public void Publish(PublishDiagnosticsParams diagnostics) => Send("textDocument/publishDiagnostics", diagnostics);

    public void Refresh()
    {
        if (_refreshLenses)
        {
            Ask("workspace/codeLens/refresh");
        }
        if (_refreshHints)
        {
            Ask("workspace/inlayHint/refresh");
        }
    }

    public void Evaluated(EvaluatedParams evaluated) => Send("breezeblock/evaluated", evaluated);

    public void Log(string message) => Send("window/logMessage", new LogMessageParams(3, message));

    private void ShowError(string message) => Send("window/showMessage", new LogMessageParams(1, message));

    private void Send(string method, object argument)
    {
        try
        {
            _rpc?.NotifyWithParameterObjectAsync(method, argument).GetAwaiter().GetResult(); // in order, from the session's loop
        }
        catch (Exception e) when (e is ObjectDisposedException or ConnectionLostException or IOException)
        {
            // the editor has gone: nothing to tell
        }
    }

    private void Ask(string method) =>
        _rpc?.InvokeWithParameterObjectAsync<object?>(method).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
}
