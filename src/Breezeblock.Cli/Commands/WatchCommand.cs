using System.CommandLine;
using System.Text.Json.Nodes;

namespace Breezeblock.Cli;

/// <summary>
/// <c>breezeblock watch DIR</c>: evaluate, then evaluate again on every change under DIR, through one
/// workspace, so only what a change affects runs again. Each pass writes the new output when it
/// differs and a one-line summary on stderr; a broken edit shows its errors and keeps the last good
/// output. Runs until Ctrl+C or SIGTERM.
/// </summary>
internal static class WatchCommand
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);

    public static Command Create(CliSetup setup)
    {
        var folder = CommonArguments.Folder();
        var evaluation = new EvaluationOptions();
        var output = new OutputOptions();
        var command = new Command("watch", "Evaluate, then evaluate again whenever a file under DIR changes, running only what the change affects; a broken edit keeps the last good output") { folder };
        foreach (var option in evaluation.All())
        {
            command.Options.Add(option);
        }
        output.AddTo(command);
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, setup);
            return context.Guard(() =>
            {
                Program.LongRunning = true; // Ctrl+C and SIGTERM now cancel context.Stop rather than end the process
                using var engine = new ConfigEngine(evaluation.Build(context));
                using var session = new WatchSession(context, engine, context.Get(folder)!, output.Create(context, evaluation.TargetNames(context)), evaluation.TargetNames(context));
                using var changed = new SemaphoreSlim(0);
                session.Pass();
                using var watcher = new FolderWatcher(session.Folder, Debounce, () => changed.Release());
                context.Reporter.Info(CliMessages.Watching(context.Get(folder)!));
                try
                {
                    while (true)
                    {
                        changed.Wait(context.Stop);
                        while (changed.Wait(0))
                        {
                            // changes that came in together make one pass
                        }
                        session.Pass();
                    }
                }
                catch (OperationCanceledException) when (context.Stop.IsCancellationRequested)
                {
                    return ExitCodes.Success;
                }
            });
        });
        return command;
    }

    /// <summary>
    /// One evaluation after another, each compared with the last good one. Only the configs the report
    /// says changed are serialised (each once), and the output is written once when something did;
    /// after a pass that failed, every config is, since the report compares with that pass.
    /// </summary>
    private sealed class WatchSession(CliContext context, ConfigEngine engine, string folder, ResultOutput output, IReadOnlyList<string>? targets) : IDisposable
    {
        private ConfigWorkspace _workspace = engine.OpenWorkspace(folder);
        private JsonObject? _last;
        private bool _lastIsPrevious; // _last is what the workspace's previous evaluation gave (no failed pass since)

        public string Folder => _workspace.Folder;

        public void Pass()
        {
            ConfigResult result;
            try
            {
                result = _workspace.Evaluate(targets);
            }
            catch (ConfigException e)
            {
                _lastIsPrevious = false;
                if (e.Errors.Any(error => error.Kind == ConfigErrorKind.Unstoppable))
                {
                    _workspace.Dispose();
                    _workspace = engine.OpenWorkspace(folder); // the stuck one is given up on; the next change loads afresh
                }
                context.Reporter.Errors(e.Errors, e.Skipped);
                context.Reporter.Info(CliMessages.WatchKeptLastGood(Now(), _last is not null));
                return;
            }
            using (result)
            {
                var changedNow = _last is not null && _lastIsPrevious ? result.Report.Changed.ToHashSet(StringComparer.Ordinal) : null;
                JsonObject current;
                Dictionary<string, string> texts;
                try
                {
                    // The configs to serialise: those that changed, or all; each once, the text kept for the output.
                    texts = result.Names.Where(n => changedNow is null || changedNow.Contains(n) || !_last!.ContainsKey(n)).ToDictionary(n => n, n => output.Json(result, n), StringComparer.Ordinal);
                    current = new JsonObject();
                    foreach (var name in result.Names)
                    {
                        current[name] = texts.TryGetValue(name, out var text) ? JsonNode.Parse(text) : _last![name]?.DeepClone();
                    }
                    if (_last is null || !JsonNode.DeepEquals(_last, current))
                    {
                        output.Write(result, context.Out, texts);
                    }
                }
                catch (ConfigException e)
                {
                    _lastIsPrevious = false;
                    context.Reporter.Errors(e.Errors, e.Skipped);
                    context.Reporter.Info(CliMessages.WatchKeptLastGood(Now(), _last is not null));
                    return;
                }
                var changes = _last is null ? null : JsonDiff.Compare(_last, current);
                _last = current;
                _lastIsPrevious = true;
                var evaluated = result.Report.Ran.Count + result.Report.Reused.Count + result.Report.Replaced.Count; // the targets and what they need
                context.Reporter.Info(CliMessages.WatchSummary(Now(), evaluated, changes?.Select(c => c.Path).ToList(), result.Report.Ran, Timings.Milliseconds(result.Report.Total)));
            }
        }

        public void Dispose() => _workspace.Dispose();

        private static string Now() => DateTime.Now.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
    }
}
