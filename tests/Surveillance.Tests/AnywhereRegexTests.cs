using System.Text.RegularExpressions;
using Smooth.Surveillance.Scanning;

namespace Smooth.Surveillance.Tests;

/// <summary>A regex built to be asked only IsMatch answers exactly as the plain pattern does, anchors included.</summary>
public sealed class AnywhereRegexTests
{
    [Fact]
    public void It_matches_where_the_plain_pattern_matches()
    {
        const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking;
        string[] patterns =
        [
            @"^ab", @"ab$", @"\bab\b", @"(?:^|\n)\s*ab\s*:", @"a(?:\S+\s+){0,2}?b\z", @"\Aa|b\z", @"(?i)AB|cd", "ab|ba",
        ];
        var random = new Random(17);
        foreach (var pattern in patterns)
        {
            var plain = new Regex(pattern, Options);
            var anywhere = AnywhereRegex.Build(pattern, Options, TimeSpan.FromSeconds(1));
            for (var i = 0; i < 300; i++)
            {
                var text = new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => "ab \n:cA"[random.Next(7)]).ToArray());
                Assert.True(plain.IsMatch(text) == anywhere.IsMatch(text), $"{pattern} on '{text}'");
            }
        }
    }
}
