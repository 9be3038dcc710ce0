namespace Breezeblock.Python.Native;

/// <summary>Reads the size of the calling thread's stack from pthreads (Linux).</summary>
internal static unsafe class ThreadStack
{
    private static readonly delegate* unmanaged<nuint> pthread_self = (delegate* unmanaged<nuint>)LibC("pthread_self");
    private static readonly delegate* unmanaged<nuint, void*, int> pthread_getattr_np = (delegate* unmanaged<nuint, void*, int>)LibC("pthread_getattr_np");
    private static readonly delegate* unmanaged<void*, void**, nuint*, int> pthread_attr_getstack = (delegate* unmanaged<void*, void**, nuint*, int>)LibC("pthread_attr_getstack");
    private static readonly delegate* unmanaged<void*, int> pthread_attr_destroy = (delegate* unmanaged<void*, int>)LibC("pthread_attr_destroy");

    /// <summary>The calling thread's stack size in bytes, or 0 when it cannot be read.</summary>
    public static long CurrentSize()
    {
        if (pthread_self == null || pthread_getattr_np == null || pthread_attr_getstack == null || pthread_attr_destroy == null)
        {
            return 0;
        }
        var attributes = stackalloc byte[256]; // pthread_attr_t is 56 bytes on glibc x64, 36 on musl
        if (pthread_getattr_np(pthread_self(), attributes) != 0)
        {
            return 0;
        }
        void* address;
        nuint size;
        var result = pthread_attr_getstack(attributes, &address, &size);
        pthread_attr_destroy(attributes);
        return result == 0 ? (long)size : 0;
    }

    private static nint LibC(string name)
    {
        var main = System.Runtime.InteropServices.NativeLibrary.GetMainProgramHandle();
        return System.Runtime.InteropServices.NativeLibrary.TryGetExport(main, name, out var address) ? address : 0;
    }
}
