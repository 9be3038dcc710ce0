using Breezeblock.Python;

namespace Breezeblock;

/// <summary>The embedded output.py, made once per process: the one module that replaces sys.stdout and sys.stderr.</summary>
internal static class OutputModule
{
    private static PyObject? s_module;

    /// <summary>The module (the GIL must be held).</summary>
    public static PyObject Get(PythonRuntime runtime)
    {
        if (s_module is null)
        {
            var module = EmbeddedModule.Create(runtime, "_breezeblock_output", "Evaluation/output.py");
            module.SetAttr("TRUNCATED", Messages.OutputTruncatedTemplate);
            using (var redact = PyFunction.Create<string, string>("redact", SecretText.Redact.Apply))
            {
                module.SetAttr("REDACT", redact); // printed text reaches stderr with secrets as markers
            }
            s_module = module;
        }
        return s_module;
    }
}
