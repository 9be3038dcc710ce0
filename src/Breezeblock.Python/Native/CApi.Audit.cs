namespace Breezeblock.Python.Native;

internal static unsafe partial class CApi
{
    /// <summary>
    /// <c>int PySys_AddAuditHook(Py_AuditHookFunction hook, void *userData)</c>: adds a hook for every
    /// audit event (PEP 578) for the rest of the process; 0 or -1. The hook is
    /// <c>int hook(const char *event, PyObject *args, void *userData)</c>, called with the GIL held and
    /// a borrowed tuple of arguments; it returns -1 with an exception set to abort the audited operation.
    /// </summary>
    public static delegate* unmanaged<delegate* unmanaged<byte*, nint, nint, int>, nint, int> PySys_AddAuditHook;

    private static void BindAudit(Symbols symbols)
    {
        PySys_AddAuditHook = (delegate* unmanaged<delegate* unmanaged<byte*, nint, nint, int>, nint, int>)symbols.Function("PySys_AddAuditHook");
    }
}
