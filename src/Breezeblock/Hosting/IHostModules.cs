using Breezeblock.Python;

namespace Breezeblock;

/// <summary>The host's own Python modules (host types and functions), installed for each evaluation.</summary>
internal interface IHostModules
{
    /// <summary>Puts the host modules into sys.modules.</summary>
    void Install(PyObject sysModules);

    /// <summary>Takes them out again.</summary>
    void Uninstall(PyObject sysModules);

    /// <summary>Renders host objects in results as plain data.</summary>
    IHostObjectRenderer? Renderer { get; }

    /// <summary>The Python callable values.py uses to freeze host objects (the GIL must be held).</summary>
    PyObject FreezeFunction { get; }
}
