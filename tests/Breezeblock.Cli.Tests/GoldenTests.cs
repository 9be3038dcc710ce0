using System.Text;
using System.Text.RegularExpressions;

namespace Breezeblock.Cli.Tests;

/// <summary>
/// The command's output as golden files: each file under Golden/ is one run of the real executable,
/// its command line, folder and environment in a header, then the exact stdout, stderr and exit code
/// expected. <c>{ms}</c> in an expected line stands for a duration, <c>{time}</c> for a clock time, <c>{n}</c> for a count,
/// <c>{repo}</c> for the repository's folder.
/// <c>BREEZEBLOCK_UPDATE_GOLDEN=1 dotnet test</c> writes what the command printed back into the files
/// that no longer match (review the diff before committing it); a file that matches keeps its placeholders.
/// <code>
/// # what the case shows
/// $ breezeblock eval configs
/// cwd: tests/Breezeblock.Tests/Fixtures/cycle
/// env: NO_COLOR=1
/// requires: 3.11           (or only: 3.11, for output that differs between later versions)
/// exit: 1
/// --- stdout
/// --- stderr
/// error: ...
/// </code>
/// </summary>
public sealed class GoldenTests
{
    private static readonly string Folder = Path.Combine(Cli.RepositoryRoot, "tests", "Breezeblock.Cli.Tests", "Golden");

    public static TheoryData<string> Cases => new(Directory.GetFiles(Folder, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Golden(string name)
    {
        var path = Path.Combine(Folder, name + ".txt");
        var golden = GoldenCase.Read(path);
        if (golden.Requires is { } version && Cli.PythonVersion < version)
        {
            Assert.Skip($"needs Python {version} or newer (column positions in tracebacks); this is {Cli.PythonVersion}");
        }
        if (golden.Only is { } only && (Cli.PythonVersion.Major, Cli.PythonVersion.Minor) != (only.Major, only.Minor))
        {
            Assert.Skip($"written for Python {only} (where the interpreter marks a position differs between versions); this is {Cli.PythonVersion}");
        }
        var (exit, stdout, stderr) = Cli.ProcessIn(Path.Combine(Cli.RepositoryRoot, golden.Directory), golden.Environment, [.. golden.Arguments]);
        if (Environment.GetEnvironmentVariable("BREEZEBLOCK_UPDATE_GOLDEN") == "1" && !golden.Matches(exit, stdout, stderr))
        {
            // Only a file that no longer matches is rewritten, so the placeholders a person wrote ({n}) stay in the others.
            File.WriteAllText(path, golden.WithOutput(exit, GoldenCase.Generalize(stdout), GoldenCase.Generalize(stderr)));
            return;
        }
        Assert.Equal(golden.Exit, exit);
        GoldenCase.AssertMatches(golden.Stdout, stdout, "stdout");
        GoldenCase.AssertMatches(golden.Stderr, stderr, "stderr");
    }

    private sealed record GoldenCase(string Header, IReadOnlyList<string> Arguments, string Directory, Dictionary<string, string> Environment, Version? Requires, Version? Only, int Exit, string Stdout, string Stderr)
    {
        public static GoldenCase Read(string path)
        {
            var text = File.ReadAllText(path);
            var stdoutAt = text.IndexOf("--- stdout\n", StringComparison.Ordinal);
            var stderrAt = text.IndexOf("--- stderr\n", StringComparison.Ordinal);
            Assert.True(stdoutAt >= 0 && stderrAt > stdoutAt, $"{path}: expected '--- stdout' then '--- stderr' lines");
            var header = text[..stdoutAt];
            var stdout = text[(stdoutAt + "--- stdout\n".Length)..stderrAt];
            var stderr = text[(stderrAt + "--- stderr\n".Length)..];
            IReadOnlyList<string>? arguments = null;
            var directory = ".";
            var environment = new Dictionary<string, string>();
            Version? requires = null;
            Version? only = null;
            var exit = 0;
            foreach (var line in header.Split('\n'))
            {
                if (line.StartsWith("$ breezeblock", StringComparison.Ordinal))
                {
                    arguments = Split(line["$ breezeblock".Length..]);
                }
                else if (line.StartsWith("cwd: ", StringComparison.Ordinal))
                {
                    directory = line["cwd: ".Length..];
                }
                else if (line.StartsWith("env: ", StringComparison.Ordinal))
                {
                    var (key, value) = (line["env: ".Length..].Split('=', 2)[0], line.Split('=', 2)[1]);
                    environment[key] = value;
                }
                else if (line.StartsWith("requires: ", StringComparison.Ordinal))
                {
                    requires = Version.Parse(line["requires: ".Length..]);
                }
                else if (line.StartsWith("only: ", StringComparison.Ordinal))
                {
                    only = Version.Parse(line["only: ".Length..]);
                }
                else if (line.StartsWith("exit: ", StringComparison.Ordinal))
                {
                    exit = int.Parse(line["exit: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            Assert.True(arguments is not null, $"{path}: the header needs a '$ breezeblock ...' line");
            return new GoldenCase(header, arguments, directory, environment, requires, only, exit, stdout, stderr);
        }

        public string WithOutput(int exit, string stdout, string stderr)
        {
            var header = Regex.Replace(Header, "^exit: .*\n", "", RegexOptions.Multiline);
            return $"{header}exit: {exit}\n--- stdout\n{stdout}--- stderr\n{stderr}";
        }

        /// <summary>What differs from run to run written as placeholders: the repository's folder, durations, clock times.</summary>
        public static string Generalize(string output)
        {
            output = output.Replace(Cli.RepositoryRoot, "{repo}", StringComparison.Ordinal);
            output = Regex.Replace(output, @"\b[0-9]+\.[0-9] ms\b", "{ms}");
            return Regex.Replace(output, @"\b[0-9]{2}:[0-9]{2}:[0-9]{2}\b", "{time}");
        }

        /// <summary>Exact, but for {ms}, {time} and {n}, which match any duration, clock time and count; {repo} is the repository's folder.</summary>
        public static void AssertMatches(string expected, string actual, string stream) =>
            Assert.True(Same(expected, actual), $"{stream} differs:\n--- expected\n{expected}--- actual\n{actual}");

        /// <summary>True when the command printed what this case expects (placeholders matching).</summary>
        public bool Matches(int exit, string stdout, string stderr) => exit == Exit && Same(Stdout, stdout) && Same(Stderr, stderr);

        private static bool Same(string expected, string actual)
        {
            expected = expected.Replace("{repo}", Cli.RepositoryRoot, StringComparison.Ordinal);
            if (!Regex.IsMatch(expected, @"\{(ms|time|n)}"))
            {
                return expected == actual;
            }
            var pattern = "^" + Regex.Escape(expected).Replace(@"\{ms}", @"[0-9]+\.[0-9] ms", StringComparison.Ordinal).Replace(@"\{time}", @"[0-9]{2}:[0-9]{2}:[0-9]{2}", StringComparison.Ordinal).Replace(@"\{n}", "[0-9]+", StringComparison.Ordinal) + "$";
            return Regex.IsMatch(actual, pattern);
        }

        // Words split on spaces; 'single quotes' keep a word together, as a shell would.
        private static List<string> Split(string line)
        {
            var words = new List<string>();
            var word = new StringBuilder();
            var quoted = false;
            var any = false;
            foreach (var c in line)
            {
                if (c == '\'')
                {
                    quoted = !quoted;
                    any = true;
                }
                else if (c == ' ' && !quoted)
                {
                    if (any)
                    {
                        words.Add(word.ToString());
                    }
                    word.Clear();
                    any = false;
                }
                else
                {
                    word.Append(c);
                    any = true;
                }
            }
            if (any)
            {
                words.Add(word.ToString());
            }
            return words;
        }
    }
}
