using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>Turns the C API's failure values (NULL, -1) into a <see cref="PythonException"/>.</summary>
internal static unsafe class Check
{
    /// <summary>A new or borrowed reference that must not be NULL.</summary>
    public static nint NotNull(nint reference) => reference != 0 ? reference : throw PythonErrors.Fetch();

    /// <summary>A status code that must not be negative.</summary>
    public static int Status(int code) => code >= 0 ? code : throw PythonErrors.Fetch();

    /// <summary>A size or hash that must not be -1 with an error set.</summary>
    public static nint Size(nint value) => value != -1 || CApi.PyErr_Occurred() == 0 ? value : throw PythonErrors.Fetch();

    /// <summary>Throws when a Python error is pending (for APIs whose failure value is also a valid result).</summary>
    public static void NoError()
    {
        if (CApi.PyErr_Occurred() != 0)
        {
            throw PythonErrors.Fetch();
        }
    }
}
