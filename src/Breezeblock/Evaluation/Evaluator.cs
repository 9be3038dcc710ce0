using System.Diagnostics;
using System.Runtime.InteropServices;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// Runs configure functions in dependency order, each at most once, passing each the results it
/// needs by parameter name. A config whose kept result is still valid (<see cref="ResultCache"/>) is
/// reused instead; an input named like a config replaces it. A failing config does not stop the
/// others: everything that does not need it still runs, and what needs it is skipped. A stop (the
/// deadline, or the caller's cancellation) interrupts the function running and ends the evaluation.
/// </summary>
internal sealed class Evaluator(EvaluationContext context) : IArgumentStamps
{
    // The arguments of the call being made, kept from one call to the next: a large folder makes a call per config.
    private readonly List<object?> _positional = [];
    private readonly List<KeyValuePair<string, object?>> _keywords = [];
    private readonly List<int> _pendingDefaults = [];
    private PyObject? _callable;

    public EvaluationOutcome Run(IReadOnlyList<ConfigNode> order)
    {
        var stop = context.Scope.Interruption;
        var outcome = new EvaluationOutcome(context.NodeCount, order.Count);
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        var ran = new List<(string Name, CachedResult Entry)>();
        try
        {
            foreach (var node in order)
            {
                stop.ThrowIfStopped(context.Folder, Messages.BeforeRunning(node.Name, node.Function.Location));
                if (blocked.Count > 0 && NeedsAny(node, blocked))
                {
                    blocked.Add(node.Name);
                    outcome.Skipped.Add(node.Name);
                    continue;
                }
                if (node.Overridden)
                {
                    outcome.Set(node, context.Inputs.Value(node.Name), context.Inputs.Revision(node.Name));
                    outcome.Replaced.Add(node.Name);
                    continue;
                }
                var registration = context.Functions[node.Function.Order];
                if (context.Results.Find(node.Name) is { } kept && CanReuse(kept, registration, node, outcome))
                {
                    outcome.Set(node, kept.Value, kept.Revision);
                    outcome.Reused.Add(node.Name);
                    continue;
                }
                var started = Stopwatch.GetTimestamp();
                PyObject value;
                try
                {
                    value = Call(node, registration.Callable, outcome);
                }
                catch (PythonException exception) when (stop.IsStop(exception))
                {
                    throw stop.Stopped(exception, context.Folder, Messages.WhileRunning(node.Name, node.Function.Location), node.Name);
                }
                catch (PythonException exception)
                {
                    outcome.Errors.Add(ExceptionTranslator.FromEvaluation(exception, node.Function, context.Folder, NoneArguments(node, outcome)));
                    context.Results.Remove(node.Name);
                    blocked.Add(node.Name);
                    continue;
                }
                if (registration.ReturnAnnotated && ReturnMismatch(node, registration, value) is { } mismatch)
                {
                    value.Dispose();
                    outcome.Errors.Add(mismatch);
                    context.Results.Remove(node.Name);
                    blocked.Add(node.Name);
                    continue;
                }
                var duration = Stopwatch.GetElapsedTime(started);
                if (context.Results.Remember(node, registration, this, value, context.Values, context.Revision, duration, outcome) is { } entry)
                {
                    ran.Add((node.Name, entry)); // what it reads is recorded with it, below
                }
                outcome.Ran.Add(node.Name);
                outcome.RanTicks[outcome.Ran.Count - 1] = duration.Ticks;
            }
        }
        catch
        {
            outcome.Dispose(); // the values it owns (results not kept) go with it
            throw;
        }
        finally
        {
            // What each config read decides when it runs again; kept even when the evaluation stops early.
            if (context.Scope.Abandoned)
            {
                ran.Clear(); // the workspace gave up on this pass: touch nothing of it
            }
            var reads = context.Scope.Abandoned ? [] : context.Finder.TakeConfigReads();
            foreach (var (name, entry) in ran)
            {
                if (reads.TryGetValue(name, out var read))
                {
                    entry.Imports = read.Imports.ToDictionary(i => i, context.Modules.ExecutedAt, StringComparer.Ordinal);
                    entry.Files = read.Files;
                }
            }
        }
        return outcome;
    }

    // The value of a config whose function annotates its return, checked against the annotation: an
    // error at the function when it does not fit. What the check cannot judge (an __eq__ that raises) passes.
    private ConfigError? ReturnMismatch(ConfigNode node, RegisteredFunction registration, PyObject value)
    {
        var stop = context.Scope.Interruption;
        (string Path, string Expected, string Got, string Annotation)? found;
        try
        {
            var types = TypesModule.Get(PythonRuntime.Current);
            found = stop.Run(() => types.CheckReturn(registration.Callable, value));
        }
        catch (PythonException exception) when (stop.IsStop(exception))
        {
            value.Dispose();
            throw stop.Stopped(exception, context.Folder, Messages.WhileRunning(node.Name, node.Function.Location), node.Name);
        }
        catch (PythonException)
        {
            return null;
        }
        return found is { } mismatch
            ? new ConfigError(ConfigErrorKind.TypeMismatch, Messages.ReturnMismatch(node.Name, mismatch.Annotation, mismatch.Path, mismatch.Expected, mismatch.Got), node.Function.Location)
            {
                ConfigName = node.Name,
                Hint = Messages.ReturnMismatchHint,
            }
            : null;
    }

    /// <summary>Where each argument of <paramref name="node"/> came from and its revision now (its dependencies have their values).</summary>
    public ArgumentStamp[] Stamps(ConfigNode node, EvaluationOutcome outcome)
    {
        var arguments = node.Arguments;
        var stamps = new ArgumentStamp[arguments.Length];
        for (var i = 0; i < stamps.Length; i++)
        {
            var argument = arguments[i];
            stamps[i] = argument.Source switch
            {
                ValueSource.Config => new ArgumentStamp(ValueSource.Config, argument.Node!.Name, outcome.Revision(argument.Node)),
                ValueSource.Input => new ArgumentStamp(ValueSource.Input, InputName(node, argument), context.Inputs.Revision(InputName(node, argument))),
                _ => new ArgumentStamp(ValueSource.Default, "", 0),
            };
        }
        return stamps;
    }

    // The configs a node received that returned None: the usual cause of a TypeError or AttributeError about NoneType.
    private static List<ConfigFunction> NoneArguments(ConfigNode node, EvaluationOutcome outcome)
    {
        var none = new List<ConfigFunction>();
        foreach (var argument in node.Arguments)
        {
            if (argument.Source == ValueSource.Config && outcome.Value(argument.Node!) is { IsNone: true })
            {
                none.Add(argument.Node!.Function);
            }
        }
        return none;
    }

    // An input is named like the parameter it is for.
    private static string InputName(ConfigNode node, in Argument argument) => node.ParameterOf(argument).Name;

    private static bool NeedsAny(ConfigNode node, HashSet<string> names)
    {
        foreach (var need in node.Needs)
        {
            if (names.Contains(need.Name))
            {
                return true;
            }
        }
        return false;
    }

    // The hot path of an evaluation that changed little: it allocates nothing.
    private bool CanReuse(CachedResult kept, RegisteredFunction registration, ConfigNode node, EvaluationOutcome outcome)
    {
        var arguments = node.Arguments;
        if (!ReferenceEquals(kept.Function, registration) || kept.Arguments.Length != arguments.Length)
        {
            return false;
        }
        for (var i = 0; i < kept.Arguments.Length; i++)
        {
            var stamp = kept.Arguments[i];
            var argument = arguments[i];
            var same = stamp.Source == argument.Source && argument.Source switch
            {
                ValueSource.Config => stamp.Name == argument.Node!.Name && stamp.Revision == outcome.Revision(argument.Node),
                ValueSource.Input => stamp.Name == InputName(node, argument) && stamp.Revision == context.Inputs.Revision(stamp.Name),
                _ => true,
            };
            if (!same)
            {
                return false;
            }
        }
        if (kept.Imports.Count > 0)
        {
            foreach (var (module, executedAt) in kept.Imports)
            {
                if (context.Modules.ExecutedAt(module) != executedAt)
                {
                    return false;
                }
            }
        }
        if (kept.Files.Count > 0)
        {
            foreach (var (path, digest) in kept.Files)
            {
                if (!context.Digests.TryGetValue(path, out var now) || now != digest)
                {
                    return false;
                }
            }
        }
        return true;
    }

    private PyObject Call(ConfigNode node, PyObject callable, EvaluationOutcome outcome)
    {
        var positional = _positional;
        var keywords = _keywords;
        var pendingDefaults = _pendingDefaults;
        positional.Clear();
        keywords.Clear();
        pendingDefaults.Clear();
        foreach (var argument in node.Arguments)
        {
            var parameter = node.ParameterOf(argument);
            var value = argument.Source switch
            {
                ValueSource.Config => outcome.Value(argument.Node!),
                ValueSource.Input => context.Inputs.Value(parameter.Name),
                _ => null,
            };
            if (parameter.Kind != ParameterKind.PositionalOnly)
            {
                if (value is not null)
                {
                    keywords.Add(new(parameter.Name, value));
                }
                continue;
            }
            if (value is null)
            {
                pendingDefaults.Add(positional.Count);
                positional.Add(null);
                continue;
            }
            FillDefaults(callable, positional, pendingDefaults, node);
            positional.Add(value);
        }
        positional.RemoveRange(positional.Count - pendingDefaults.Count, pendingDefaults.Count); // trailing defaults: leave to Python
        PyObject result;
        context.ConfigStarting?.Invoke(node.Name);
        context.Scope.Interruption.ThrowIfStopped(context.Folder, Messages.BeforeRunning(node.Name, node.Function.Location)); // a stop asked for by now: the function does not start
        context.Finder.SetCurrentConfig(node.Name);
        context.Scope.RunningConfig = node.Name;
        try
        {
            _callable = callable;
            result = context.Scope.Interruption.Run(this, static evaluator => evaluator.CallWithArguments());
        }
        finally
        {
            if (!context.Scope.Abandoned)
            {
                context.Finder.SetCurrentConfig(null);
                context.Scope.RunningConfig = null;
            }
        }
        if (context.Scope.Abandoned)
        {
            result.Dispose();
            throw new OperationCanceledException(); // given up on while it ran; the workspace reported it
        }
        using (result)
        {
            return context.Values.Freeze.Call(result, node.Name, context.HostFreeze); // owned by the config's name: see values.owner_text
        }
    }

    private PyObject CallWithArguments() =>
        _keywords.Count == 0
            ? _callable!.Call(CollectionsMarshal.AsSpan(_positional))
            : _callable!.Call(CollectionsMarshal.AsSpan(_positional), _keywords);

    // A positional-only parameter left to its default before one that is passed needs its default
    // passed explicitly: positional arguments cannot skip a place.
    private static void FillDefaults(PyObject callable, List<object?> positional, List<int> pending, ConfigNode node)
    {
        if (pending.Count == 0)
        {
            return;
        }
        using var defaults = callable.GetAttr("__defaults__");
        var count = (int)defaults.Length;
        var positionalCount = node.Function.Parameters.Count(p => p.Kind != ParameterKind.KeywordOnly);
        foreach (var index in pending)
        {
            positional[index] = defaults.GetItem(index - (positionalCount - count));
        }
        pending.Clear();
    }
}

/// <summary>What an evaluation works with: the workspace's kept state and this evaluation's view of it.</summary>
internal sealed record EvaluationContext(
    FolderFinder Finder,
    ValuesModule Values,
    IResultMemory Results,
    InputSet Inputs,
    ModuleSet Modules,
    IReadOnlyList<RegisteredFunction> Functions,
    int NodeCount,
    IReadOnlyDictionary<string, string?> Digests,
    SourceFolder Folder,
    PyObject? HostFreeze,
    int Revision,
    PassScope Scope,
    Action<string>? ConfigStarting = null);
