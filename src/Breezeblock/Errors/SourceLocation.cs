namespace Breezeblock;

/// <summary>A place in a user's file.</summary>
/// <param name="Path">The absolute path.</param>
/// <param name="DisplayPath">The path as errors show it: relative to the config folder when inside it.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
public sealed record SourceLocation(string Path, string DisplayPath, int Line, int Column = 0)
{
    /// <summary>1-based column just past what the location points at, on <see cref="Line"/>; 0 when unknown (a single caret).</summary>
    public int EndColumn { get; init; }

    /// <summary><c>file.py:4</c> or <c>file.py:4:12</c>.</summary>
    public override string ToString() =>
        Line <= 0 ? DisplayPath : Column > 0 ? $"{DisplayPath}:{Line}:{Column}" : $"{DisplayPath}:{Line}";
}
