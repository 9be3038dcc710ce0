using System.Runtime.CompilerServices;

// Every native call goes through blittable function pointers; nothing needs runtime marshalling,
// which keeps the binding usable under NativeAOT and trimming.
[assembly: DisableRuntimeMarshalling]
