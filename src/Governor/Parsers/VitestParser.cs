using System.Text.RegularExpressions;

namespace Smooth.Governor.Parsers;

/// <summary>vitest: " Tests  1 failed | 2 passed | 1 skipped (4)".</summary>
public sealed partial class VitestParser : ITestOutputParser
{
    /// <inheritdoc />
    public string Runner => "vitest";

    /// <inheritdoc />
    public TestSummary? TryParse(string output)
    {
        var line = TestsLine().Matches(Ansi().Replace(output, string.Empty));
        if (line.Count == 0) return null;
        var (p, f, s) = Counts.Sum(Pair().Matches(line[^1].Groups["body"].Value), w => w switch
        {
            "passed" => Counts.Kind.Passed,
            "failed" => Counts.Kind.Failed,
            "skipped" or "todo" => Counts.Kind.Skipped,
            _ => Counts.Kind.Other,
        });
        return new TestSummary(Runner, p, f, s);
    }

    [GeneratedRegex(@"^\s*Tests\s+(?<body>\d+ \w+(?: \| \d+ \w+)*) \(\d+\)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TestsLine();

    [GeneratedRegex(@"(?<n>\d+) (?<word>\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex Pair();

    [GeneratedRegex(@"\x1b\[[0-9;]*m", RegexOptions.CultureInvariant)]
    private static partial Regex Ansi();
}
