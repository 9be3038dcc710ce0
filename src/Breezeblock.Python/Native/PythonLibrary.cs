using System.Runtime.InteropServices;
using System.Text;

namespace Breezeblock.Python.Native;

/// <summary>
/// Loads libpython with <c>RTLD_NOW | RTLD_GLOBAL</c>. .NET's own loader uses local symbol
/// binding, and then C extensions such as <c>_ctypes</c> fail with undefined <c>Py*</c> symbols.
/// </summary>
internal static unsafe class PythonLibrary
{
    private const int RTLD_NOW = 0x2;
    private const int RTLD_GLOBAL = 0x100;

    private static readonly delegate* unmanaged<byte*, int, nint> dlopen = (delegate* unmanaged<byte*, int, nint>)LibcExport("dlopen");
    private static readonly delegate* unmanaged<nint, byte*, nint> dlsym = (delegate* unmanaged<nint, byte*, nint>)LibcExport("dlsym");
    private static readonly delegate* unmanaged<byte*> dlerror = (delegate* unmanaged<byte*>)LibcExport("dlerror");

    /// <summary>Opens the library; throws with the loader's own message on failure.</summary>
    public static nint Open(string path)
    {
        var bytes = Utf8Z(path);
        fixed (byte* p = bytes)
        {
            var handle = dlopen(p, RTLD_NOW | RTLD_GLOBAL);
            if (handle == 0)
            {
                throw new DllNotFoundException($"cannot load {path}: {LastError()}");
            }
            return handle;
        }
    }

    /// <summary>The address of an exported symbol, or 0 when the library does not export it.</summary>
    public static nint Symbol(nint library, string name)
    {
        var bytes = Utf8Z(name);
        fixed (byte* p = bytes)
        {
            return dlsym(library, p);
        }
    }

    private static string LastError()
    {
        var message = dlerror();
        return message == null ? "unknown error" : Marshal.PtrToStringUTF8((nint)message) ?? "unknown error";
    }

    private static byte[] Utf8Z(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    // The host process already links the C library, so its dynamic loader functions are reachable
    // from the main program handle on glibc and musl alike, without naming libc's file.
    private static nint LibcExport(string name)
    {
        var main = System.Runtime.InteropServices.NativeLibrary.GetMainProgramHandle();
        if (System.Runtime.InteropServices.NativeLibrary.TryGetExport(main, name, out var address))
        {
            return address;
        }
        foreach (var candidate in (ReadOnlySpan<string>)["libc.so.6", "libdl.so.2", "libc"])
        {
            if (System.Runtime.InteropServices.NativeLibrary.TryLoad(candidate, out var libc)
                && System.Runtime.InteropServices.NativeLibrary.TryGetExport(libc, name, out address))
            {
                return address;
            }
        }
        throw new PlatformNotSupportedException($"the C library's {name} was not found; Breezeblock supports Linux with glibc or musl");
    }
}
