using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Runs the checks of an evaluation once its configs have run, each with the values its parameters
/// name (by keyword), and a <c>@check(each=...)</c> once per evaluated config whose value is one of its
/// types (the value first). A check that needs a config that failed or did not run is skipped; one
/// that fails adds an error (the evaluation then fails); a stop interrupts it like a config.
/// </summary>
internal sealed class CheckRunner(EvaluationContext context)
{
    private readonly ChecksModule _checks = ChecksModule.Get(PythonRuntime.Current);
    private readonly Dictionary<string, object?> _keywords = new(StringComparer.Ordinal);
    private PyObject? _callable;
    private object?[] _arguments = [];

    /// <summary>Runs <paramref name="checks"/> over the configs of <paramref name="evaluated"/> that have values in <paramref name="outcome"/>.</summary>
    public CheckOutcome Run(IReadOnlyList<ConfigNode> checks, IReadOnlyList<ConfigNode> evaluated, EvaluationOutcome outcome)
    {
        var result = new CheckOutcome();
        if (checks.Count == 0)
        {
            return result;
        }
        var unusable = outcome.Skipped.Concat(outcome.Errors.Select(e => e.ConfigName).OfType<string>()).ToHashSet(StringComparer.Ordinal);
        var withValues = evaluated.Where(n => !unusable.Contains(n.Name)).OrderBy(n => n.Function.Order).ToList();
        PyObject? values = null;
        try
        {
            foreach (var check in checks)
            {
                if (check.NeedsUnavailable || check.Needs.Any(n => unusable.Contains(n.Name)))
                {
                    result.Skipped.Add(check.Name);
                    continue;
                }
                var failures = result.Errors.Count;
                var registration = context.Functions[check.Function.Order];
                var received = Received(check);
                FillKeywords(check, outcome);
                if (registration.Each is not { } each)
                {
                    RunOne(check, registration.Callable, [], null, received, result);
                }
                else
                {
                    values ??= PyObject.From(withValues.Select(n => (object?)outcome.Value(n)).ToList());
                    using var matches = _checks.Matching.Call(each, values);
                    foreach (var index in matches.AsArgument().Items)
                    {
                        var config = withValues[(int)index.AsInt64()];
                        RunOne(check, registration.Callable, [outcome.Value(config)], config.Name,
                            [Messages.ReceivedValue(config.Name, config.Function.Location), .. received], result);
                    }
                }
                if (result.Errors.Count == failures)
                {
                    result.Passed.Add(check.Name);
                }
            }
        }
        finally
        {
            values?.Dispose();
            _keywords.Clear();
            _callable = null;
        }
        return result;
    }

    private void RunOne(ConfigNode check, PyObject callable, object?[] arguments, string? config, IReadOnlyList<string> received, CheckOutcome result)
    {
        var stop = context.Scope.Interruption;
        var what = Messages.WhileChecking(check.Name, check.Function.Location);
        stop.ThrowIfStopped(context.Folder, what);
        context.Scope.RunningConfig = check.Name;
        try
        {
            _callable = callable;
            _arguments = arguments;
            stop.Run(this, static runner => runner.Call()).Dispose();
            result.Calls++;
        }
        catch (PythonException exception) when (stop.IsStop(exception))
        {
            throw stop.Stopped(exception, context.Folder, what, check.Name);
        }
        catch (PythonException exception)
        {
            result.Calls++;
            result.Errors.Add(ExceptionTranslator.FromCheck(exception, check.Function, context.Folder, config, _checks.TakeFailure(), received));
        }
        finally
        {
            if (!context.Scope.Abandoned)
            {
                context.Scope.RunningConfig = null;
            }
        }
        if (context.Scope.Abandoned)
        {
            throw new OperationCanceledException(); // given up on while it ran; the workspace reported it
        }
    }

    private PyObject Call() => _checks.RunFunction.Call(_callable, _arguments, _keywords);

    private void FillKeywords(ConfigNode check, EvaluationOutcome outcome)
    {
        _keywords.Clear();
        foreach (var argument in check.Arguments)
        {
            var parameter = check.ParameterOf(argument);
            switch (argument.Source)
            {
                case ValueSource.Config:
                    _keywords[parameter.Name] = outcome.Value(argument.Node!);
                    break;
                case ValueSource.Input:
                    _keywords[parameter.Name] = context.Inputs.Value(parameter.Name);
                    break;
            }
        }
    }

    // What a check received, for its failure: each parameter's config (and where), input or default.
    private static List<string> Received(ConfigNode check)
    {
        var received = new List<string>(check.Arguments.Length);
        foreach (var argument in check.Arguments)
        {
            var parameter = check.ParameterOf(argument);
            received.Add(argument.Source switch
            {
                ValueSource.Config => Messages.ReceivedConfig(argument.Node!.Name, argument.Node.Function.Location),
                ValueSource.Input => Messages.ReceivedInput(parameter.Name),
                _ => Messages.ReceivedDefault(parameter.Name),
            });
        }
        return received;
    }
}

/// <summary>What running the checks gave: the checks that passed, the failures, the checks that could not run, and how many calls were made.</summary>
internal sealed class CheckOutcome
{
    public List<string> Passed { get; } = [];

    public int Calls { get; set; }

    public List<ConfigError> Errors { get; } = [];

    public List<string> Skipped { get; } = [];
}
