namespace Breezeblock.Python;

/// <summary>A CPython that can be loaded: its shared library and the interpreter path that goes with it.</summary>
/// <param name="LibraryPath">The libpython shared library to load.</param>
/// <param name="ProgramPath">
/// The python executable Python is told it runs as. It decides <c>sys.executable</c> and
/// <c>sys.prefix</c>; for a virtual environment it is the environment's python, whose
/// <c>pyvenv.cfg</c> makes its site-packages importable.
/// </param>
/// <param name="Version">Major, minor and (when known) micro version.</param>
/// <param name="FoundBy">How it was found, e.g. <c>BREEZEBLOCK_PYTHON</c> or <c>python3 on PATH</c>.</param>
public sealed record PythonInstallation(string LibraryPath, string ProgramPath, Version Version, string FoundBy)
{
    /// <summary>The oldest CPython the binding supports.</summary>
    public static readonly Version MinimumVersion = new(3, 9);

    /// <inheritdoc />
    public override string ToString() => $"Python {Version} ({LibraryPath}, found by {FoundBy})";
}
