using System.Text.RegularExpressions;

namespace Smooth.Governor.Parsers;

/// <summary>Sums "N word" pairs (e.g. "2 failed, 5 passed") found by a regex with <c>n</c> and <c>word</c> groups.</summary>
internal static class Counts
{
    public static (int Passed, int Failed, int Skipped) Sum(IEnumerable<Match> matches, Func<string, Kind> classify)
    {
        int passed = 0, failed = 0, skipped = 0;
        foreach (var m in matches)
        {
            var n = int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            switch (classify(m.Groups["word"].Value.ToLowerInvariant()))
            {
                case Kind.Passed: passed += n; break;
                case Kind.Failed: failed += n; break;
                case Kind.Skipped: skipped += n; break;
            }
        }
        return (passed, failed, skipped);
    }

    public enum Kind { Other, Passed, Failed, Skipped }
}
