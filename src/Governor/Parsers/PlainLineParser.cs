using System.Text.RegularExpressions;

namespace Smooth.Governor.Parsers;

/// <summary>The plain closing line any runner can print: "N passed, N failed" (", N skipped" may follow; one word with a colon may precede).</summary>
public sealed partial class PlainLineParser : ITestOutputParser
{
    /// <inheritdoc />
    public string Runner => "plain";

    /// <inheritdoc />
    public TestSummary? TryParse(string output)
    {
        var lines = Line().Matches(output);
        if (lines.Count == 0) return null;
        var m = lines[^1];
        return new TestSummary(Runner, int.Parse(m.Groups["passed"].Value), int.Parse(m.Groups["failed"].Value),
            m.Groups["skipped"].Success ? int.Parse(m.Groups["skipped"].Value) : 0);
    }

    [GeneratedRegex(@"^(?:\S+: )?(?<passed>\d+) passed, (?<failed>\d+) failed(?:, (?<skipped>\d+) skipped)?\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Line();
}
