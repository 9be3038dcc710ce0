using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// A Python capsule that keeps a .NET object alive through a <see cref="GCHandle"/>; the handle is
/// freed when Python frees the capsule. This is how Python objects point back at .NET state.
/// </summary>
internal static unsafe class HandleCapsule
{
    private static readonly byte* Name = PyStrings.Utf8Literal("breezeblock.gchandle"u8);

    /// <summary>New reference to a capsule holding <paramref name="target"/>.</summary>
    public static nint Create(object target)
    {
        var handle = GCHandle.Alloc(target);
        var capsule = CApi.PyCapsule_New((void*)GCHandle.ToIntPtr(handle), Name, &Destroy);
        if (capsule == 0)
        {
            handle.Free();
            throw PythonErrors.Fetch();
        }
        return capsule;
    }

    /// <summary>The object a capsule made by <see cref="Create"/> holds, or null for any other object.</summary>
    public static object? Target(nint capsule)
    {
        var pointer = CApi.PyCapsule_GetPointer(capsule, Name);
        if (pointer == null)
        {
            CApi.PyErr_Clear();
            return null;
        }
        return GCHandle.FromIntPtr((nint)pointer).Target;
    }

    /// <summary>The target of a capsule known to be ours, without the name check's error path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static object KnownTarget(nint capsule) =>
        GCHandle.FromIntPtr((nint)CApi.PyCapsule_GetPointer(capsule, Name)).Target!;

    [UnmanagedCallersOnly]
    private static void Destroy(nint capsule)
    {
        var pointer = CApi.PyCapsule_GetPointer(capsule, Name);
        if (pointer != null)
        {
            GCHandle.FromIntPtr((nint)pointer).Free();
        }
    }
}
