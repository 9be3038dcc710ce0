using System.Text;

namespace Breezeblock.Python;

/// <summary>No usable CPython was found. The message lists every place tried and what to install.</summary>
public sealed class PythonNotFoundException : Exception
{
    internal PythonNotFoundException(IReadOnlyList<LocatorAttempt> attempts, string advice)
        : base(Compose(attempts, advice))
    {
        Attempts = attempts;
        Advice = advice;
    }

    /// <summary>What to install or set to make a Python usable.</summary>
    public string Advice { get; }

    /// <summary>Each place that was tried and why it did not give a usable Python.</summary>
    public IReadOnlyList<LocatorAttempt> Attempts { get; }

    private static string Compose(IReadOnlyList<LocatorAttempt> attempts, string advice)
    {
        var text = new StringBuilder();
        text.AppendLine($"no usable Python was found (Breezeblock needs CPython {PythonInstallation.MinimumVersion} or newer with its shared library, libpython3.X.so)");
        text.AppendLine("looked in:");
        foreach (var attempt in attempts)
        {
            text.AppendLine($"  - {attempt.Place}: {attempt.Outcome}");
        }
        text.Append(advice);
        return text.ToString();
    }
}

/// <summary>One place the locator looked, and what it found there.</summary>
/// <param name="Place">What was tried, e.g. <c>python3 on PATH</c>.</param>
/// <param name="Outcome">Why it gave no usable Python.</param>
public sealed record LocatorAttempt(string Place, string Outcome);

/// <summary>The whole search for a Python, for diagnosis (<see cref="PythonLocator.Diagnose(string?)"/>).</summary>
/// <param name="Installation">The Python found, or null.</param>
/// <param name="Attempts">Every place tried, in order; when one was found, the last names it.</param>
/// <param name="Advice">What to install or set, when none was found.</param>
public sealed record PythonSearchReport(PythonInstallation? Installation, IReadOnlyList<LocatorAttempt> Attempts, string? Advice);
