using System.Runtime.InteropServices;

namespace Breezeblock.Python.Native;

internal static unsafe partial class CApi
{
    /// <summary>CPython's <c>PyStatus</c>, returned by value from the initialization functions.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PyStatus
    {
        public int Type; // 0 ok, 1 error, 2 exit
        public byte* Func;
        public byte* ErrMsg;
        public int ExitCode;

        public readonly bool IsException => Type != 0;

        public readonly string Describe()
        {
            if (Type == 2)
            {
                return $"Python asked to exit with code {ExitCode} during initialization";
            }
            var message = ErrMsg == null ? "unknown error" : Marshal.PtrToStringUTF8((nint)ErrMsg);
            return Func == null ? message ?? "" : $"{Marshal.PtrToStringUTF8((nint)Func)}: {message}";
        }
    }

    /// <summary>
    /// CPython's <c>PyPreConfig</c>: ten ints on every non-Windows build from 3.8 to 3.14 (checked in
    /// each version's <c>cpython/initconfig.h</c>); the Windows-only field is absent on Linux.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PyPreConfig
    {
        public int ConfigInit;
        public int ParseArgv;
        public int Isolated;
        public int UseEnvironment;
        public int ConfigureLocale;
        public int CoerceCLocale;
        public int CoerceCLocaleWarn;
        public int Utf8Mode;
        public int DevMode;
        public int Allocator;
    }

    /// <summary>Bytes we reserve for a <c>PyConfig</c>: larger than the struct of any version (392 to 448 bytes).</summary>
    public const int PyConfigReservedSize = 4096;

    public static delegate* unmanaged<PyPreConfig*, void> PyPreConfig_InitIsolatedConfig;
    public static delegate* unmanaged<PyPreConfig*, PyStatus> Py_PreInitialize;
    public static delegate* unmanaged<void*, void> PyConfig_InitIsolatedConfig;
    public static delegate* unmanaged<void*, nint, byte**, PyStatus> PyConfig_SetBytesArgv;
    public static delegate* unmanaged<void*, PyStatus> Py_InitializeFromConfig;
    public static delegate* unmanaged<void*, void> PyConfig_Clear;
    public static delegate* unmanaged<int> Py_IsInitialized;
    public static delegate* unmanaged<byte*> Py_GetVersion;

    private static void BindLifecycle(Symbols s)
    {
        PyPreConfig_InitIsolatedConfig = (delegate* unmanaged<PyPreConfig*, void>)s.Function("PyPreConfig_InitIsolatedConfig");
        Py_PreInitialize = (delegate* unmanaged<PyPreConfig*, PyStatus>)s.Function("Py_PreInitialize");
        PyConfig_InitIsolatedConfig = (delegate* unmanaged<void*, void>)s.Function("PyConfig_InitIsolatedConfig");
        PyConfig_SetBytesArgv = (delegate* unmanaged<void*, nint, byte**, PyStatus>)s.Function("PyConfig_SetBytesArgv");
        Py_InitializeFromConfig = (delegate* unmanaged<void*, PyStatus>)s.Function("Py_InitializeFromConfig");
        PyConfig_Clear = (delegate* unmanaged<void*, void>)s.Function("PyConfig_Clear");
        Py_IsInitialized = (delegate* unmanaged<int>)s.Function("Py_IsInitialized");
        Py_GetVersion = (delegate* unmanaged<byte*>)s.Function("Py_GetVersion");
    }
}
