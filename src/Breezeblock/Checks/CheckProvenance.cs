namespace Breezeblock;

/// <summary>A check (<c>@check</c>) as a check of the folder finds it: where it is and what each parameter resolved to.</summary>
/// <param name="Name">The check's name (the function's, or the name given to <c>@check</c>).</param>
/// <param name="Function">The Python function's module and qualified name.</param>
/// <param name="Location">Where the function is defined.</param>
/// <param name="Parameters">Its wired parameters, in order (for a check with <see cref="Each"/>, without the first, which receives each value).</param>
/// <param name="Each">The types given as <c>each=</c>, by qualified name: the check runs once per config whose value is one; null for a check that runs once.</param>
public sealed record CheckProvenance(string Name, string Function, SourceLocation Location, IReadOnlyList<ParameterProvenance> Parameters, IReadOnlyList<string>? Each);
