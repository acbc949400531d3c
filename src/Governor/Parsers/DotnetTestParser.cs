using System.Text.RegularExpressions;

namespace Smooth.Governor.Parsers;

/// <summary>
/// <c>dotnet test</c>: the VSTest line "Failed!  - Failed: 1, Passed: 2, Skipped: 0, Total: 3" (one per test project,
/// summed), or the Microsoft.Testing.Platform summary "total: 3 failed: 1 succeeded: 2 skipped: 0".
/// </summary>
public sealed partial class DotnetTestParser : ITestOutputParser
{
    /// <inheritdoc />
    public string Runner => "dotnet";

    /// <inheritdoc />
    public TestSummary? TryParse(string output)
    {
        var vstest = VsTestLine().Matches(output);
        if (vstest.Count > 0)
        {
            return new TestSummary(Runner,
                vstest.Sum(m => int.Parse(m.Groups["passed"].Value)),
                vstest.Sum(m => int.Parse(m.Groups["failed"].Value)),
                vstest.Sum(m => int.Parse(m.Groups["skipped"].Value)));
        }
        var mtp = MtpSummary().Match(output);
        if (mtp.Success)
        {
            return new TestSummary(Runner, int.Parse(mtp.Groups["passed"].Value), int.Parse(mtp.Groups["failed"].Value), int.Parse(mtp.Groups["skipped"].Value));
        }
        return null;
    }

    [GeneratedRegex(@"(?:Passed|Failed)!\s+-\s+Failed:\s+(?<failed>\d+),\s+Passed:\s+(?<passed>\d+),\s+Skipped:\s+(?<skipped>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex VsTestLine();

    [GeneratedRegex(@"total:\s*(?<total>\d+)\s+failed:\s*(?<failed>\d+)\s+succeeded:\s*(?<passed>\d+)\s+skipped:\s*(?<skipped>\d+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MtpSummary();
}
