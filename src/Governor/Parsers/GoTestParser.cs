using System.Text.RegularExpressions;

namespace Smooth.Governor.Parsers;

/// <summary>
/// go test: counts "--- PASS/FAIL/SKIP: TestName" lines (top-level tests only; subtests are indented). A package that
/// fails to build ("FAIL pkg [build failed]") counts as one failure so a broken build is never read as green.
/// </summary>
public sealed partial class GoTestParser : ITestOutputParser
{
    /// <inheritdoc />
    public string Runner => "go";

    /// <inheritdoc />
    public TestSummary? TryParse(string output)
    {
        var results = ResultLine().Matches(output);
        var packages = PackageLine().Matches(output);
        if (results.Count == 0 && packages.Count == 0) return null;
        int passed = 0, failed = 0, skipped = 0;
        foreach (Match m in results)
        {
            switch (m.Groups["status"].Value)
            {
                case "PASS": passed++; break;
                case "FAIL": failed++; break;
                default: skipped++; break;
            }
        }
        failed += packages.Count(m => m.Groups["status"].Value == "FAIL" && (m.Value.Contains("[build failed]") || m.Value.Contains("[setup failed]")));
        var okPackages = packages.Count(m => m.Groups["status"].Value == "ok");
        if (passed + failed + skipped == 0 && okPackages == 0) return null; // nothing go-like was counted: let another reader try
        return new TestSummary(Runner, passed, failed, skipped);
    }

    [GeneratedRegex(@"^--- (?<status>PASS|FAIL|SKIP): \S+", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ResultLine();

    // go separates the status from the package with a tab ("ok  \tpkg\t0.01s", "FAIL\tpkg [build failed]"); a line
    // such as "FAIL add 2 3: ..." from another tool is not a package line.
    [GeneratedRegex(@"^(?<status>ok|FAIL) *\t\S+.*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PackageLine();
}
