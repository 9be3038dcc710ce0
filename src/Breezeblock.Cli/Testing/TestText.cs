using System.Text;

namespace Breezeblock.Cli;

/// <summary>
/// The report of <c>breezeblock test</c> as people read it on stdout: the matrix entry, one line per
/// test case (<c>PASS</c>, <c>FAIL</c>, <c>SKIP</c>, <c>WROTE</c>), under a failure its errors (code
/// frame, values, what the check received) or a snapshot's difference, and the summary. With
/// <c>--error-format json</c> or <c>github</c>, failures also go to stderr in that format.
/// </summary>
internal static class TestText
{
    public static string Entry(MatrixEntry entry, IReadOnlyList<TestCase> cases, Style style)
    {
        var text = new StringBuilder();
        var indent = "";
        if (entry.Label.Length > 0)
        {
            text.Append(style.Bold(entry.Label)).Append('\n');
            indent = "  ";
        }
        foreach (var test in cases)
        {
            var status = test.Status switch
            {
                TestStatus.Passed => style.Added("PASS "),
                TestStatus.Failed => style.Error("FAIL "),
                TestStatus.Written => style.Changed("WROTE"),
                _ => style.Hint("SKIP "),
            };
            text.Append(indent).Append(status).Append(' ').Append(CliMessages.TestCaseName(test.Kind, test.Name));
            if (test.File is not null)
            {
                text.Append(" (").Append(test.File).Append(test.Line > 0 ? $":{test.Line}" : "").Append(')');
            }
            if (test.Status is TestStatus.Skipped && test.Message is { } why)
            {
                text.Append(": ").Append(why);
            }
            text.Append('\n');
            if (test.Status != TestStatus.Failed)
            {
                continue;
            }
            var under = test.Errors.Count > 0
                ? ErrorText.Render(test.Errors, test.SkippedConfigs, style)
                : test.Details ?? test.Message ?? "";
            foreach (var line in under.Split('\n'))
            {
                text.Append(line.Length == 0 ? "" : indent + "      " + line).Append('\n');
            }
        }
        return text.ToString();
    }

    public static string Summary(IReadOnlyList<TestCase> cases, int entries, string duration) =>
        CliMessages.TestSummary(cases.Count(c => c.Status is TestStatus.Passed or TestStatus.Written), cases.Count(c => c.Status == TestStatus.Failed),
            cases.Count(c => c.Status == TestStatus.Skipped), cases.Count(c => c.Status == TestStatus.Written), entries, duration);
}
