using System.Text.RegularExpressions;

namespace Smooth.Governor.Parsers;

/// <summary>jest: "Tests:       1 failed, 1 skipped, 2 passed, 4 total".</summary>
public sealed partial class JestParser : ITestOutputParser
{
    /// <inheritdoc />
    public string Runner => "jest";

    /// <inheritdoc />
    public TestSummary? TryParse(string output)
    {
        var line = TestsLine().Matches(output);
        if (line.Count == 0) return null;
        var (p, f, s) = Counts.Sum(Pair().Matches(line[^1].Groups["body"].Value), w => w switch
        {
            "passed" => Counts.Kind.Passed,
            "failed" => Counts.Kind.Failed,
            "skipped" or "todo" or "pending" => Counts.Kind.Skipped,
            _ => Counts.Kind.Other,
        });
        return new TestSummary(Runner, p, f, s);
    }

    [GeneratedRegex(@"^Tests:\s+(?<body>.*\d+ total)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TestsLine();

    [GeneratedRegex(@"(?<n>\d+) (?<word>\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex Pair();
}
