using Breezeblock.Python;

namespace Breezeblock;

/// <summary>Python objects the converters use (datetime, uuid, enum, isinstance), imported once per process.</summary>
internal sealed class PythonHelpers
{
    private static PythonHelpers? s_instance;

    private PythonHelpers(PythonRuntime runtime)
    {
        using var builtins = runtime.Import("builtins");
        using var datetime = runtime.Import("datetime");
        using var uuid = runtime.Import("uuid");
        using var enumModule = runtime.Import("enum");
        IsInstanceFunction = builtins.GetAttr("isinstance");
        DateTime = datetime.GetAttr("datetime");
        Date = datetime.GetAttr("date");
        TimeDelta = datetime.GetAttr("timedelta");
        DateTimeFromIso = DateTime.GetAttr("fromisoformat");
        DateFromIso = Date.GetAttr("fromisoformat");
        Uuid = uuid.GetAttr("UUID");
        Enum = enumModule.GetAttr("Enum");
    }

    public PyObject IsInstanceFunction { get; }

    public PyObject DateTime { get; }

    public PyObject Date { get; }

    public PyObject TimeDelta { get; }

    public PyObject DateTimeFromIso { get; }

    public PyObject DateFromIso { get; }

    public PyObject Uuid { get; }

    public PyObject Enum { get; }

    /// <summary>The helpers; the GIL must be held.</summary>
    public static PythonHelpers Get() => s_instance ??= new PythonHelpers(PythonRuntime.Current);

    public bool IsInstance(PyObject value, PyObject type) => IsInstanceFunction.Call<PyObject, PyObject, bool>(value, type);
}
