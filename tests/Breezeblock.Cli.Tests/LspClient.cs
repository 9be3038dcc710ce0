using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Breezeblock.Cli.Tests;

/// <summary>
/// <c>breezeblock lsp</c> driven by a real LSP client: tests/tools/lsp-client.mjs, which speaks to it
/// with vscode-languageserver-protocol (pinned in tests/tools) and passes requests and what the server
/// sends through as JSON lines. Waits are on messages; the long limit only ends a test that would hang.
/// </summary>
internal sealed class LspClient : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly Process _process;
    private readonly BlockingCollection<JsonObject> _incoming = [];
    private readonly List<JsonObject> _notifications = [];
    private readonly StringBuilder _stderr = new();
    private int _id;

    public LspClient(string folder, params string[] arguments)
        : this(folder, null, arguments)
    {
    }

    /// <summary>A server on <paramref name="folder"/>, given <paramref name="initializationOptions"/> (the folders' settings) when it starts.</summary>
    public LspClient(string folder, JsonObject? initializationOptions, params string[] arguments)
        : this(folder, initializationOptions, Cli.StartInfo(null, null, ["lsp", .. arguments]))
    {
    }

    /// <summary>A server started as <paramref name="server"/> says (another build of the command: the native one).</summary>
    public LspClient(string folder, JsonObject? initializationOptions, System.Diagnostics.ProcessStartInfo server)
    {
        var (node, script) = ExternalTools.LspClient();
        var start = ChildProcess.StartInfo(node, [script, server.FileName, .. server.ArgumentList], null,
            server.Environment.Where(e => e.Value is not null).Select(e => KeyValuePair.Create(e.Key, e.Value!)), Cli.OutputVariables);
        start.RedirectStandardInput = true;
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        new Thread(() =>
        {
            while (_process.StandardOutput.ReadLine() is { } line)
            {
                _incoming.Add(JsonNode.Parse(line)!.AsObject());
            }
            _incoming.CompleteAdding();
        }) { IsBackground = true }.Start();
        Folder = folder;
        Capabilities = Request("initialize", new JsonObject
        {
            ["processId"] = null,
            ["rootUri"] = Uri(""),
            ["capabilities"] = new JsonObject(),
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = Uri(""), ["name"] = "configs" }),
            ["initializationOptions"] = initializationOptions,
        })!["capabilities"]!;
        Notify("initialized", new JsonObject());
    }

    public string Folder { get; }

    /// <summary>What the server said it can do, answering initialize.</summary>
    public JsonNode Capabilities { get; }

    /// <summary>The server's stderr so far, for failure messages.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public string Uri(string relative) => new Uri(Path.Combine(Folder, relative)).AbsoluteUri.TrimEnd('/');

    public JsonNode? Request(string method, JsonObject parameters)
    {
        var id = Interlocked.Increment(ref _id);
        Send(new JsonObject { ["id"] = id, ["request"] = method, ["params"] = parameters });
        var answer = Next(m => m["id"]?.GetValue<int>() == id, $"the answer to {method}");
        if (answer["error"] is { } error)
        {
            throw new LspError(error["message"]!.GetValue<string>());
        }
        return answer["result"];
    }

    /// <summary>
    /// Sends a notification. What the server sent before it and no wait has taken is forgotten: what is
    /// waited for next is what this notification brings about.
    /// </summary>
    public void Notify(string method, JsonObject parameters)
    {
        lock (_notifications)
        {
            _notifications.Clear();
        }
        Send(new JsonObject { ["notify"] = method, ["params"] = parameters });
    }

    /// <summary>The next <c>breezeblock/evaluated</c> (an evaluation of the folder ended).</summary>
    public JsonNode Evaluated(Func<JsonNode, bool> wanted, string what) =>
        Next(m => m["notification"]?.GetValue<string>() == "breezeblock/evaluated" && wanted(m["params"]!), what)["params"]!;

    public JsonNode? At(string method, string file, int line, int character, JsonObject? more = null)
    {
        var parameters = new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(file) },
            ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
        };
        foreach (var (key, value) in more ?? [])
        {
            parameters[key] = value?.DeepClone();
        }
        return Request(method, parameters);
    }

    public void Open(string file, string? text = null) => Notify("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = Uri(file), ["languageId"] = "python", ["version"] = 1, ["text"] = text ?? File.ReadAllText(Path.Combine(Folder, file)) },
    });

    /// <summary>Replaces <paramref name="length"/> characters at a line and character with <paramref name="text"/>, as typing does (unsaved).</summary>
    public void Edit(string file, int version, int line, int character, int length, string text) => Notify("textDocument/didChange", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = Uri(file), ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject
        {
            ["range"] = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
                ["end"] = new JsonObject { ["line"] = line, ["character"] = character + length },
            },
            ["text"] = text,
        }),
    });

    /// <summary>Replaces a document's whole text, unsaved.</summary>
    public void Replace(string file, int version, string text) => Notify("textDocument/didChange", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = Uri(file), ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
    });

    public void Save(string file, string text)
    {
        File.WriteAllText(Path.Combine(Folder, file), text);
        Notify("textDocument/didSave", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri(file) } });
    }

    /// <summary>The diagnostics of the next publication for <paramref name="file"/> that satisfies <paramref name="wanted"/> (those before it are passed over).</summary>
    public JsonArray Diagnostics(string file, Func<JsonArray, bool> wanted, string what)
    {
        var uri = Uri(file);
        var found = Next(m => m["notification"]?.GetValue<string>() == "textDocument/publishDiagnostics" && m["params"]!["uri"]!.GetValue<string>() == uri
            && wanted(m["params"]!["diagnostics"]!.AsArray()), what);
        return found["params"]!["diagnostics"]!.AsArray();
    }

    /// <summary>Notifications seen so far (of any method).</summary>
    public IReadOnlyList<JsonObject> Notifications
    {
        get
        {
            lock (_notifications)
            {
                return [.. _notifications];
            }
        }
    }

    private JsonObject Next(Func<JsonObject, bool> wanted, string what)
    {
        lock (_notifications)
        {
            if (_notifications.FirstOrDefault(wanted) is { } seen)
            {
                _notifications.Remove(seen);
                return seen;
            }
        }
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (!_incoming.TryTake(out var message, TimeSpan.FromSeconds(1)))
            {
                if (_incoming.IsCompleted)
                {
                    break;
                }
                continue;
            }
            if (wanted(message))
            {
                return message;
            }
            if (message["notification"] is not null)
            {
                lock (_notifications)
                {
                    _notifications.Add(message);
                }
            }
        }
        throw new Xunit.Sdk.XunitException($"no {what} came from the server; its stderr:\n{Stderr}");
    }

    private void Send(JsonObject command)
    {
        _process.StandardInput.WriteLine(command.ToJsonString());
        _process.StandardInput.Flush();
    }

    /// <summary>Shuts the server down as an editor does; its exit code.</summary>
    public int Exit()
    {
        Send(new JsonObject { ["exit"] = true });
        var exited = Next(m => m["exited"] is not null, "exit");
        return exited["exited"]!.GetValue<int>();
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close(); // the client kills the server when its input ends
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // it has gone already
        }
        finally
        {
            _process.Dispose();
        }
    }
}

internal sealed class LspError(string message) : Exception(message);

internal static class JsonNodes
{
    public static string Text(this JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
}
