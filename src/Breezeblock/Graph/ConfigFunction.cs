namespace Breezeblock;

/// <summary>How a parameter may be passed, as Python defines it.</summary>
internal enum ParameterKind
{
    PositionalOnly = 0,
    PositionalOrKeyword = 1,
    KeywordOnly = 2,
}

/// <summary>A parameter of a configure function: the name of something it needs. A value kept inline in its function's array.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Kind">How it may be passed.</param>
/// <param name="HasDefault">True when it has a default value.</param>
/// <param name="DefaultText">The default's <c>repr()</c>, shortened, when it has one.</param>
internal readonly record struct ConfigParameter(string Name, ParameterKind Kind, bool HasDefault, string? DefaultText = null);

/// <summary>
/// A configure function as the graph sees it: plain data read from Python once, so that graph logic
/// runs and is tested without Python. A workspace keeps one per config for as long as it lives, so it
/// holds no more than it must: its location is its file's (shared by the file's functions) and a line,
/// and its qualified name only when the module and name do not already say it.
/// </summary>
/// <param name="name">The config's name (the function name, or the name given to <c>@configure</c>).</param>
/// <param name="file">Where the function's file is (any line: shared by the file's functions).</param>
/// <param name="line">The function's definition line.</param>
/// <param name="parameters">The parameters, in order.</param>
/// <param name="varPositional">The name of a <c>*args</c> parameter, which cannot be wired.</param>
/// <param name="varKeyword">The name of a <c>**kwargs</c> parameter, which cannot be wired.</param>
/// <param name="order">Position in definition order (by file, then line); -1 until placed.</param>
/// <param name="module">The module whose body registered it, when read from Python.</param>
/// <param name="qualifiedName">The function's module and qualified name, when it is not <paramref name="module"/>.<paramref name="name"/>.</param>
/// <param name="check">What kind of check it is, when <c>@check</c> registered it rather than <c>@configure</c>.</param>
internal sealed class ConfigFunction(string name, SourceLocation file, int line, IReadOnlyList<ConfigParameter> parameters, string? varPositional, string? varKeyword, int order, string? module, string? qualifiedName, CheckShape? check = null)
{
    /// <summary>A function defined at <paramref name="location"/>, not read from Python (tests, tools).</summary>
    public ConfigFunction(string name, SourceLocation location, IReadOnlyList<ConfigParameter> parameters, string? varPositional, string? varKeyword, int order)
        : this(name, location, location.Line, parameters, varPositional, varKeyword, order, module: null, qualifiedName: null)
    {
    }

    /// <summary>The config's name (the function name, or the name given to <c>@configure</c>).</summary>
    public string Name { get; } = name;

    /// <summary>Where the function is defined (made when asked: errors and provenance ask).</summary>
    public SourceLocation Location => file.Line == Line ? file : file with { Line = Line };

    /// <summary>The absolute path of the function's file.</summary>
    public string Path => file.Path;

    /// <summary>The path of the function's file as errors show it.</summary>
    public string DisplayPath => file.DisplayPath;

    /// <summary>The definition line, 0 when unknown.</summary>
    public int Line { get; } = line;

    /// <summary>The parameters, in order.</summary>
    public IReadOnlyList<ConfigParameter> Parameters { get; } = parameters;

    /// <summary>The name of a <c>*args</c> parameter, which cannot be wired.</summary>
    public string? VarPositional { get; } = varPositional;

    /// <summary>The name of a <c>**kwargs</c> parameter, which cannot be wired.</summary>
    public string? VarKeyword { get; } = varKeyword;

    /// <summary>Position in definition order (by file, then line); breaks ties in evaluation order. -1 until placed.</summary>
    public int Order { get; private set; } = order;

    /// <summary>The module whose body registered it, when read from Python.</summary>
    public string? Module { get; } = module;

    /// <summary>What kind of check it is; null for a config.</summary>
    public CheckShape? Check { get; } = check;

    /// <summary>True when <c>@check</c> registered it: it is wired like a config, runs after the configs it needs, and gives no value.</summary>
    public bool IsCheck => Check is not null;

    /// <summary>The Python function's module and qualified name (<c>services.web.make_web</c>).</summary>
    public string QualifiedName => qualifiedName ?? (Module is null ? Name : $"{Module}.{Name}");

    /// <summary>
    /// This function at <paramref name="order"/>. A record not placed yet is placed where it is (nothing
    /// else holds it yet); a placed one is copied, since results of earlier evaluations hold it.
    /// </summary>
    public ConfigFunction At(int order)
    {
        if (Order < 0)
        {
            Order = order;
            return this;
        }
        return Order == order ? this : new ConfigFunction(Name, file, Line, Parameters, VarPositional, VarKeyword, order, Module, qualifiedName, Check);
    }

    /// <summary>True when <paramref name="other"/> would make the same graph node: everything but the location.</summary>
    public bool SameShape(ConfigFunction other) =>
        Name == other.Name && Order == other.Order && Module == other.Module && ExplicitQualifiedName == other.ExplicitQualifiedName
        && VarPositional == other.VarPositional && VarKeyword == other.VarKeyword && Parameters.SequenceEqual(other.Parameters)
        && Equals(Check, other.Check);

    // The qualified name as given (null when it is module.name): compared without making the text.
    private string? ExplicitQualifiedName => qualifiedName;

    public override string ToString() => $"{Name} ({Location})";
}

/// <summary>
/// The kind of a check: one that runs once with the configs its parameters name, or, with
/// <see cref="Each"/>, once per config whose value is one of those types (the value its first argument).
/// </summary>
/// <param name="Each">The qualified names of the types given as <c>each=</c>, or null.</param>
internal sealed record CheckShape(IReadOnlyList<string>? Each)
{
    public static readonly CheckShape Plain = new((IReadOnlyList<string>?)null);

    public bool Equals(CheckShape? other) =>
        other is not null && (Each is null ? other.Each is null : other.Each is not null && Each.SequenceEqual(other.Each));

    public override int GetHashCode() => Each?.Count ?? -1;
}
