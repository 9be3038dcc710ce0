using Breezeblock.Python;

namespace Breezeblock;

/// <summary>The worker's side of the channel: requests in, results, errors and host calls out.</summary>
internal sealed class WorkerLoop(ConfigEngine engine, ConfigOptions options, WorkerChannel channel)
{
    private readonly Dictionary<string, ConfigWorkspace> _workspaces = new(StringComparer.Ordinal);
    private readonly PlainData _plain = new(engine.Runtime, HostObjectRenderer.Instance);

    public int Run()
    {
        engine.Runtime.Run(() => engine.Runtime.Execute("import faulthandler, sys\nfaulthandler.enable(file=sys.__stderr__)\n", "<breezeblock worker>").Dispose());
        HostCalls.Forwarder = Forward;
        options.ConfigStarting = config => channel.Send(WorkerMessages.Running(config));
        channel.Send(WorkerMessages.Ready());
        while (channel.Receive() is { } request)
        {
            var fields = new DataFields(request, "worker request");
            var op = fields.String("op");
            if (op is "evaluate" or "check")
            {
                if (!Evaluate(fields, check: op == "check"))
                {
                    return 3; // a pass could not be stopped: its thread may still run, so this worker is done
                }
            }
            else if (op is "invalidate" or "close")
            {
                if (_workspaces.Remove(fields.String("folder"), out var workspace))
                {
                    if (op == "invalidate")
                    {
                        _workspaces[fields.String("folder")] = workspace;
                        workspace.Invalidate();
                    }
                    else
                    {
                        workspace.Dispose();
                    }
                }
                channel.Send(WorkerMessages.Done());
            }
        }
        return 0;
    }

    // One evaluation; false when the worker cannot go on.
    private bool Evaluate(DataFields request, bool check)
    {
        var folder = request.String("folder");
        options.Inputs.Clear();
        foreach (var (name, value) in (Dictionary<string, object?>)PlainJson.Untag(request.Map("inputs"))!)
        {
            options.Inputs[name] = value;
        }
        options.Secrets.Clear();
        foreach (var (name, value) in request.Map("secrets"))
        {
            options.Secrets[name] = (string)value!;
        }
        options.Timeout = request.Raw("timeout") is null ? null : TimeSpan.FromMilliseconds(request.Double("timeout"));
        var limits = new DataFields(request.Map("limits"), "limits");
        options.Limits.MaxOutputCharacters = limits.Int("output");
        options.Limits.MaxFileBytes = (long)limits.Double("fileBytes");
        options.Limits.StopGrace = TimeSpan.FromMilliseconds(limits.Double("stopGrace"));
        WorkerLimits.LimitProcessorTime(options.Timeout, options.Limits.StopGrace);
        options.StrictInputs = request.Bool("strict");
        options.InputSyntax = request.Optional("inputSyntax");
        options.Output = request.Bool("output") ? line => channel.Send(WorkerMessages.Output(line)) : null;
        options.BytecodeCacheDirectory = request.Optional("cache");
        options.Hermetic = request.Bool("hermetic");
        options.IncludeTests = request.Bool("tests");
        if (!_workspaces.TryGetValue(folder, out var workspace))
        {
            _workspaces[folder] = workspace = engine.OpenWorkspace(request.Optional("display") ?? folder);
        }
        workspace.ReplaceUnsaved(request.Raw("unsaved") is null ? [] : request.Map("unsaved").Select(f => KeyValuePair.Create(f.Key, (string)f.Value!)));
        var targets = request.Raw("targets") is null ? null : request.Strings("targets");
        try
        {
            if (check)
            {
                channel.Send(WorkerMessages.Result("checked", CheckSnapshot.Write(workspace.Check(targets, request.Bool("schemas")))));
            }
            else
            {
                using var result = workspace.Evaluate(targets);
                channel.Send(WorkerMessages.Result("result", result.ToSnapshotJsonWithSecrets()));
            }
            return true;
        }
        catch (ConfigException e)
        {
            channel.Send(WorkerMessages.Errors(e));
            return !e.Errors.Any(error => error.Kind == ConfigErrorKind.Unstoppable);
        }
    }

    // A host function called by config code: the host runs it and answers; the GIL is let go meanwhile.
    private object? Forward(string module, string function, object?[] arguments, Type returnType)
    {
        var plain = arguments.Select((argument, i) => _plain.FromDotnetValue(argument, $"argument {i + 1}")).ToList();
        Dictionary<string, object?>? answer;
        using (engine.Runtime.AllowThreads())
        {
            channel.Send(WorkerMessages.Call(module, function, plain));
            answer = channel.Receive();
        }
        var fields = new DataFields(answer ?? throw new InvalidOperationException(Messages.HostGone), "host answer");
        if (fields.String("op") == "raise")
        {
            throw HostCalls.Rebuild(fields.Optional("type"), fields.String("message"));
        }
        SecretTable.AdoptAll(fields.Raw("secrets"));
        var value = PlainJson.Untag(fields.Raw("value"));
        return returnType == typeof(void) ? null : options.HostReflection!.BindReturn(value, returnType); // only host functions forward calls
    }
}
