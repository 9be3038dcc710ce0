namespace Breezeblock;

/// <summary>Where the value of one parameter comes from.</summary>
internal abstract record Argument(ConfigParameter Parameter)
{
    /// <summary>The result of another config.</summary>
    public sealed record FromConfig(ConfigParameter Parameter, ConfigNode Node) : Argument(Parameter);

    /// <summary>An input given by the host (the CLI's <c>--set</c>).</summary>
    public sealed record FromInput(ConfigParameter Parameter, string InputName) : Argument(Parameter);

    /// <summary>The parameter's own default: the argument is not passed.</summary>
    public sealed record FromDefault(ConfigParameter Parameter) : Argument(Parameter);
}

/// <summary>A config in the graph: its function and where each argument comes from.</summary>
internal sealed class ConfigNode(ConfigFunction function, bool overridden)
{
    public ConfigFunction Function { get; private set; } = function;

    /// <summary>Points the node at a newer record of the same function (moved to other lines, say): the graph stays as it is.</summary>
    public void Rebind(ConfigFunction function) => Function = function;

    public string Name => Function.Name;

    /// <summary>An input of the same name replaces the result; the function does not run.</summary>
    public bool Overridden { get; } = overridden;

    /// <summary>Position in <see cref="ConfigGraph.Nodes"/>, for array-based graph walks.</summary>
    public int Index { get; set; }

    /// <summary>One per parameter that could be resolved, in parameter order.</summary>
    public List<Argument> Arguments { get; } = new(function.Parameters.Count); // exact: most configs have one or two

    private ConfigNode[]? _needs;

    /// <summary>The configs this one needs to run, each once (none when overridden). Read only once <see cref="Arguments"/> is complete.</summary>
    public IReadOnlyList<ConfigNode> Needs => _needs ??= FindNeeds();

    private ConfigNode[] FindNeeds()
    {
        if (Overridden)
        {
            return [];
        }
        var needs = new List<ConfigNode>(Arguments.Count);
        foreach (var argument in Arguments)
        {
            if (argument is Argument.FromConfig { Node: var node } && !needs.Contains(node))
            {
                needs.Add(node);
            }
        }
        return needs.ToArray();
    }

    public override string ToString() => $"{Name} ({Function.Location})";
}
