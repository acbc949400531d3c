using System.Text.RegularExpressions;

namespace Smooth.Governor.Parsers;

/// <summary>pytest's closing line, e.g. "==== 2 failed, 5 passed, 1 skipped in 0.12s ====" (errors count as failures).</summary>
public sealed partial class PytestParser : ITestOutputParser
{
    /// <inheritdoc />
    public string Runner => "pytest";

    /// <inheritdoc />
    public TestSummary? TryParse(string output)
    {
        var lines = SummaryLine().Matches(output);
        if (lines.Count == 0) return null;
        var last = lines[^1].Groups["body"].Value;
        var (p, f, s) = Counts.Sum(Pair().Matches(last), w => w switch
        {
            "passed" or "xpassed" => Counts.Kind.Passed,
            "failed" or "error" or "errors" => Counts.Kind.Failed,
            "skipped" or "xfailed" or "deselected" => Counts.Kind.Skipped,
            _ => Counts.Kind.Other,
        });
        return new TestSummary(Runner, p, f, s);
    }

    [GeneratedRegex(@"^=+ (?<body>(?:\d+ \w+(?:, )?)+|no tests ran)(?: in [\d.]+s?.*?)? =+\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"(?<n>\d+) (?<word>\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex Pair();
}
