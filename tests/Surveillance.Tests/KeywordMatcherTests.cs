using System.Text;
using Smooth.Surveillance.Scanning;

namespace Smooth.Surveillance.Tests;

/// <summary>
/// The keyword pass walks the four quarters of a long text at once; it must report exactly the hits, in exactly the
/// order, of one walk from the start, and those must be every case-insensitive occurrence of every keyword.
/// </summary>
public sealed class KeywordMatcherTests
{
    private static List<(int Keyword, int Last)> Hits(KeywordMatcher matcher, string text, bool oneWalk)
    {
        var hits = new List<(int, int)>();
        if (oneWalk) matcher.ScanInOneWalk(text.AsSpan(), ref hits, static (ref List<(int, int)> h, int k, int last) => h.Add((k, last)));
        else matcher.Scan(text.AsSpan(), ref hits, static (ref List<(int, int)> h, int k, int last) => h.Add((k, last)));
        return hits;
    }

    // Every occurrence, found the slow way.
    private static List<(int Keyword, int Last)> Occurrences(IReadOnlyList<string> keywords, string text)
    {
        var found = new List<(int, int)>();
        for (var k = 0; k < keywords.Count; k++)
        {
            for (var at = text.IndexOf(keywords[k], StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(keywords[k], at + 1, StringComparison.OrdinalIgnoreCase))
            {
                found.Add((k, at + keywords[k].Length - 1));
            }
        }
        return found;
    }

    [Fact]
    public void Walking_the_quarters_at_once_reports_what_one_walk_reports()
    {
        var random = new Random(5);
        const string Alphabet = "abcab ab\nAB-é";
        for (var round = 0; round < 200; round++)
        {
            // Short keywords over a small alphabet, so hits are dense and overlap, some long enough to straddle a quarter.
            var keywords = Enumerable.Range(0, random.Next(1, 12))
                .Select(_ => new string(Enumerable.Range(0, random.Next(1, round % 5 == 0 ? 40 : 6)).Select(_ => "abc -"[random.Next(5)]).ToArray()))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var matcher = new KeywordMatcher(keywords);
            var sb = new StringBuilder();
            var length = random.Next(0, 3) == 0 ? random.Next(KeywordMatcher.MinSplit - 3, KeywordMatcher.MinSplit + 3) : random.Next(0, 9000);
            for (var i = 0; i < length; i++) sb.Append(Alphabet[random.Next(Alphabet.Length)]);
            var text = sb.ToString();
            var expected = Hits(matcher, text, oneWalk: true);
            Assert.Equal(expected, Hits(matcher, text, oneWalk: false));
            Assert.Equal(Occurrences(keywords, text).Order(), expected.Order());
        }
    }

    [Fact]
    public void A_keyword_across_the_start_of_a_quarter_is_reported_once()
    {
        var matcher = new KeywordMatcher(["middle"]);
        foreach (var boundary in new[] { 2500, 5000, 7500 })
        {
            for (var shift = -6; shift <= 1; shift++)
            {
                var at = boundary + shift;
                var text = new string('x', at) + "MIDDLE" + new string('y', 10_000 - at - 6);
                Assert.Equal([(0, at + 5)], Hits(matcher, text, oneWalk: false));
            }
        }
    }
}
