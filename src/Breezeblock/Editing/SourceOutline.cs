using Breezeblock.Python;

namespace Breezeblock;

/// <summary>A stretch of one line of source: 1-based line, 0-based columns counted in UTF-16 code units, as editors count them.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 0-based column it starts at.</param>
/// <param name="EndColumn">The 0-based column just past its end.</param>
public readonly record struct SourceSpan(int Line, int Column, int EndColumn)
{
    /// <summary>True when the 1-based <paramref name="line"/> and 0-based <paramref name="column"/> fall on it (its end included, where a cursor rests after typing).</summary>
    public bool Contains(int line, int column) => line == Line && column >= Column && column <= EndColumn;
}

/// <summary>
/// What an editor needs of a file's source, read with Python's own parser and running nothing: each
/// module-level function with where its name, its <c>name=</c> and its parameters are, and where the
/// body reads each parameter. <see cref="SyntaxErrorLine"/> is set (and <see cref="Functions"/> empty)
/// when the text does not parse, as it often does while being typed.
/// </summary>
/// <param name="Functions">The file's module-level functions (those in module-level <c>if</c>/<c>try</c> blocks too), in order.</param>
/// <param name="SyntaxErrorLine">The 1-based line the text stops parsing at; null when it parses (0 when Python gives no line).</param>
public sealed record SourceOutline(IReadOnlyList<FunctionOutline> Functions, int? SyntaxErrorLine)
{
    /// <summary>The function whose lines (decorators to last line) hold the 1-based <paramref name="line"/>.</summary>
    public FunctionOutline? FunctionAt(int line) => Functions.FirstOrDefault(f => line >= f.FirstLine && line <= f.LastLine);
}

/// <summary>A function of a <see cref="SourceOutline"/>.</summary>
/// <param name="Name">The function's name.</param>
/// <param name="FirstLine">Its first line: the first decorator's, or the <c>def</c>'s.</param>
/// <param name="DefLine">The line of its <c>def</c>.</param>
/// <param name="LastLine">Its last line.</param>
/// <param name="NameSpan">The name after <c>def</c>.</param>
/// <param name="NameArgument">The text inside the quotes of a decorator's <c>name="..."</c>, when one names it.</param>
/// <param name="Parameters">Its named parameters, in order (not <c>*args</c> or <c>**kwargs</c>).</param>
/// <param name="ReturnAnnotation">Its return annotation's source, when it has one.</param>
public sealed record FunctionOutline(string Name, int FirstLine, int DefLine, int LastLine, SourceSpan NameSpan, SourceSpan? NameArgument, IReadOnlyList<ParameterOutline> Parameters, string? ReturnAnnotation);

/// <summary>A parameter of a <see cref="FunctionOutline"/>.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Span">Where it is in the signature.</param>
/// <param name="Uses">Where the function's body reads it (nested functions that take the same name excluded).</param>
/// <param name="Annotation">Its annotation's source, when it has one.</param>
public sealed record ParameterOutline(string Name, SourceSpan Span, IReadOnlyList<SourceSpan> Uses, string? Annotation);

/// <summary>The embedded outline.py, read into <see cref="SourceOutline"/>. The GIL is taken here.</summary>
internal static class SourceOutlines
{
    private static PyObject? s_outline;

    public static SourceOutline Read(PythonRuntime runtime, string text)
    {
        using var gil = runtime.Acquire();
        s_outline ??= EmbeddedModule.Create(runtime, "_breezeblock_outline", "Editing/outline.py").GetAttr("outline");
        using var found = s_outline.Call(text);
        var row = found.AsArgument().Items;
        if (row[0].AsString() == "syntax")
        {
            return new SourceOutline([], (int)row[1].AsInt64());
        }
        var functions = new List<FunctionOutline>();
        foreach (var function in row[1].Items)
        {
            var f = function.Items;
            var parameters = new List<ParameterOutline>();
            foreach (var parameter in f[6].Items)
            {
                var p = parameter.Items;
                var uses = new List<SourceSpan>();
                foreach (var use in p[2].Items)
                {
                    uses.Add(Span(use));
                }
                parameters.Add(new ParameterOutline(p[0].AsString(), Span(p[1]), uses, p[3].IsNone ? null : p[3].AsString()));
            }
            functions.Add(new FunctionOutline(f[0].AsString(), (int)f[1].AsInt64(), (int)f[2].AsInt64(), (int)f[3].AsInt64(), Span(f[4]),
                f[5].IsNone ? null : Span(f[5]), parameters, f[7].IsNone ? null : f[7].AsString()));
        }
        return new SourceOutline(functions, null);
    }

    private static SourceSpan Span(PyArgument span)
    {
        var s = span.Items;
        return new SourceSpan((int)s[0].AsInt64(), (int)s[1].AsInt64(), (int)s[2].AsInt64());
    }
}
