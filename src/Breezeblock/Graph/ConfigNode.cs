using System.Collections;

namespace Breezeblock;

/// <summary>
/// Where the value of one parameter comes from: the result of another config, an input given by the
/// host (the CLI's <c>--set</c>) of the parameter's name, or the parameter's own default (the argument
/// is not passed). A value kept inline in its node's array.
/// </summary>
internal readonly struct Argument
{
    private Argument(ValueSource source, int parameter, ConfigNode? node)
    {
        Source = source;
        ParameterIndex = parameter;
        Node = node;
    }

    public static Argument FromConfig(int parameter, ConfigNode node) => new(ValueSource.Config, parameter, node);

    public static Argument FromInput(int parameter) => new(ValueSource.Input, parameter, null);

    public static Argument FromDefault(int parameter) => new(ValueSource.Default, parameter, null);

    public ValueSource Source { get; }

    /// <summary>The parameter's position among its function's <see cref="ConfigFunction.Parameters"/>.</summary>
    public int ParameterIndex { get; }

    /// <summary>The config whose result it receives, when <see cref="Source"/> is <see cref="ValueSource.Config"/>.</summary>
    public ConfigNode? Node { get; }
}

/// <summary>A config in the graph: its function and where each argument comes from.</summary>
internal sealed class ConfigNode(ConfigFunction function, bool overridden)
{
    private Argument[] _arguments = [];

    public ConfigFunction Function { get; private set; } = function;

    /// <summary>Points the node at a newer record of the same function (moved to other lines, say): the graph stays as it is.</summary>
    public void Rebind(ConfigFunction function) => Function = function;

    public string Name => Function.Name;

    /// <summary>A parameter names a config of a module that failed to load (a check then cannot run).</summary>
    public bool NeedsUnavailable { get; set; }

    /// <summary>An input of the same name replaces the result; the function does not run.</summary>
    public bool Overridden { get; } = overridden;

    /// <summary>Position in <see cref="ConfigGraph.Nodes"/>, for array-based graph walks.</summary>
    public int Index { get; set; }

    /// <summary>One per parameter that could be resolved, in parameter order.</summary>
    public ReadOnlySpan<Argument> Arguments => _arguments;

    /// <summary>Sets <see cref="Arguments"/>, once the graph has resolved the parameters.</summary>
    public void Resolve(Argument[] arguments) => _arguments = arguments;

    /// <summary>The parameter an argument is for.</summary>
    public ConfigParameter ParameterOf(in Argument argument) => Function.Parameters[argument.ParameterIndex];

    /// <summary>The configs this one needs to run (none when overridden), read off its arguments without copying them.</summary>
    public Dependencies Needs => new(Overridden ? [] : _arguments);

    public override string ToString() => $"{Name} ({Function.Location})";

    /// <summary>
    /// The configs among a node's arguments, each once: a parameter names one config, and a function's
    /// parameters have distinct names.
    /// </summary>
    public readonly struct Dependencies(Argument[] arguments) : IEnumerable<ConfigNode>
    {
        public int Count
        {
            get
            {
                var count = 0;
                foreach (var argument in arguments)
                {
                    count += argument.Source == ValueSource.Config ? 1 : 0;
                }
                return count;
            }
        }

        public Enumerator GetEnumerator() => new(arguments);

        IEnumerator<ConfigNode> IEnumerable<ConfigNode>.GetEnumerator()
        {
            foreach (var argument in arguments)
            {
                if (argument.Source == ValueSource.Config)
                {
                    yield return argument.Node!;
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<ConfigNode>)this).GetEnumerator();

        public struct Enumerator(Argument[] arguments)
        {
            private int _index = -1;

            public readonly ConfigNode Current => arguments[_index].Node!;

            public bool MoveNext()
            {
                while (++_index < arguments.Length)
                {
                    if (arguments[_index].Source == ValueSource.Config)
                    {
                        return true;
                    }
                }
                return false;
            }
        }
    }
}
