namespace Breezeblock;

/// <summary>How a parameter may be passed, as Python defines it.</summary>
internal enum ParameterKind
{
    PositionalOnly = 0,
    PositionalOrKeyword = 1,
    KeywordOnly = 2,
}

/// <summary>A parameter of a configure function: the name of something it needs.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Kind">How it may be passed.</param>
/// <param name="HasDefault">True when it has a default value.</param>
/// <param name="DefaultText">The default's <c>repr()</c>, shortened, when it has one.</param>
internal sealed record ConfigParameter(string Name, ParameterKind Kind, bool HasDefault, string? DefaultText = null);

/// <summary>
/// A configure function as the graph sees it: plain data read from Python once, so that graph logic
/// runs and is tested without Python.
/// </summary>
/// <param name="Name">The config's name (the function name, or the name given to <c>@configure</c>).</param>
/// <param name="Location">Where the function is defined.</param>
/// <param name="Parameters">The parameters, in order.</param>
/// <param name="VarPositional">The name of a <c>*args</c> parameter, which cannot be wired.</param>
/// <param name="VarKeyword">The name of a <c>**kwargs</c> parameter, which cannot be wired.</param>
/// <param name="Order">Position in definition order (by file, then line); breaks ties in evaluation order.</param>
/// <param name="QualifiedName">The Python function's module and qualified name (<c>services.web.make_web</c>).</param>
internal sealed record ConfigFunction(
    string Name,
    SourceLocation Location,
    IReadOnlyList<ConfigParameter> Parameters,
    string? VarPositional,
    string? VarKeyword,
    int Order,
    string? QualifiedName = null);
