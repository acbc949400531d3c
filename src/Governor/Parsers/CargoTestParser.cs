using System.Text.RegularExpressions;

namespace Smooth.Governor.Parsers;

/// <summary>cargo test: "test result: FAILED. 1 passed; 1 failed; 1 ignored; ..." per test binary, summed.</summary>
public sealed partial class CargoTestParser : ITestOutputParser
{
    /// <inheritdoc />
    public string Runner => "cargo";

    /// <inheritdoc />
    public TestSummary? TryParse(string output)
    {
        var results = ResultLine().Matches(output);
        if (results.Count == 0) return null;
        return new TestSummary(Runner,
            results.Sum(m => int.Parse(m.Groups["passed"].Value)),
            results.Sum(m => int.Parse(m.Groups["failed"].Value)),
            results.Sum(m => int.Parse(m.Groups["ignored"].Value)));
    }

    [GeneratedRegex(@"test result: \w+\. (?<passed>\d+) passed; (?<failed>\d+) failed; (?<ignored>\d+) ignored", RegexOptions.CultureInvariant)]
    private static partial Regex ResultLine();
}
