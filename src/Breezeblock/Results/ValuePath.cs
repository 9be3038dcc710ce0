namespace Breezeblock;

/// <summary>
/// Where a part of a value is, as <see cref="Paths"/> writes it (<c>$.web.ports[2]</c>), built into
/// text only when an error names it: converting a large result makes no path strings. A container
/// makes one <see cref="ValuePathParent"/> for all its items; an item's path is a struct.
/// </summary>
internal readonly struct ValuePath
{
    private readonly string? _root;
    private readonly ValuePathParent? _parent;
    private readonly string? _member;
    private readonly int _index;

    private ValuePath(string? root, ValuePathParent? parent, string? member, int index)
    {
        _root = root;
        _parent = parent;
        _member = member;
        _index = index;
    }

    public static ValuePath Root(string text) => new(text, null, null, -1);

    /// <summary>The parent of this container's items (one allocation per container).</summary>
    public ValuePathParent Items() => new(this);

    internal static ValuePath Under(ValuePathParent parent, string? member, int index) => new(null, parent, member, index);

    public string Text =>
        _root ?? (_member is not null ? Paths.Member(_parent!.Path.Text, _member) : $"{_parent!.Path.Text}[{_index}]");

    public override string ToString() => Text;
}

/// <summary>A container's path, shared by the paths of its items.</summary>
internal sealed class ValuePathParent(ValuePath path)
{
    public ValuePath Path { get; } = path;

    public ValuePath Member(string name) => ValuePath.Under(this, name, -1);

    public ValuePath Item(int index) => ValuePath.Under(this, null, index);
}
