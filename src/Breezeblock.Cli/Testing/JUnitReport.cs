using System.Xml.Linq;

namespace Breezeblock.Cli;

/// <summary>
/// The test cases of <c>breezeblock test</c> as JUnit XML, which CI systems render: one
/// <c>testsuite</c> per matrix entry, one <c>testcase</c> per check or snapshot (<c>classname</c> says
/// which kind and file), a failure's headline as its message and the whole report as its text.
/// </summary>
internal static class JUnitReport
{
    public static string Render(IReadOnlyList<TestCase> cases, string folder, TimeSpan duration)
    {
        var suites = cases.GroupBy(c => c.Entry.Label).Select(entry =>
        {
            var name = entry.Key.Length == 0 ? folder : $"{folder} [{entry.Key}]";
            return new XElement("testsuite",
                new XAttribute("name", name),
                new XAttribute("tests", entry.Count()),
                new XAttribute("failures", entry.Count(c => c.Status == TestStatus.Failed)),
                new XAttribute("errors", 0),
                new XAttribute("skipped", entry.Count(c => c.Status == TestStatus.Skipped)),
                entry.Select(Case));
        });
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites",
                new XAttribute("name", "breezeblock test"),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(c => c.Status == TestStatus.Failed)),
                new XAttribute("errors", 0),
                new XAttribute("skipped", cases.Count(c => c.Status == TestStatus.Skipped)),
                new XAttribute("time", duration.TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)),
                suites));
        using var writer = new Utf8StringWriter();
        document.Save(writer);
        return writer + "\n";
    }

    private static XElement Case(TestCase test)
    {
        var element = new XElement("testcase",
            new XAttribute("name", test.Entry.Label.Length == 0 ? test.Name : $"{test.Name} [{test.Entry.Label}]"),
            new XAttribute("classname", $"{test.Kind.ToString().ToLowerInvariant()}.{test.File ?? "folder"}"));
        if (test.File is not null)
        {
            element.Add(new XAttribute("file", test.File));
            if (test.Line > 0)
            {
                element.Add(new XAttribute("line", test.Line));
            }
        }
        switch (test.Status)
        {
            case TestStatus.Failed:
                element.Add(new XElement("failure", new XAttribute("message", test.Message ?? ""), new XAttribute("type", test.Kind == TestKind.Evaluation ? "EvaluationError" : test.Kind == TestKind.Snapshot ? "SnapshotDiffers" : "CheckFailed"),
                    test.Details ?? test.Message ?? ""));
                break;
            case TestStatus.Skipped:
                element.Add(new XElement("skipped", new XAttribute("message", test.Message ?? "")));
                break;
            case TestStatus.Written:
                element.Add(new XElement("system-out", CliMessages.SnapshotWritten(test.Name, test.File ?? "")));
                break;
        }
        return element;
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
