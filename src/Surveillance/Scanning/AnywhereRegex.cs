using System.Text.RegularExpressions;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Builds linear-engine regexes that are only asked whether they match somewhere (IsMatch), never where. Such a
/// pattern gets a lazy any-run in front: it matches exactly where the pattern does, but the engine then walks its
/// automaton through the text instead of searching ahead for each place a match could start and starting over
/// there, which on passages full of near-candidates (common words, clause starts) costs more than the walk.
/// </summary>
internal static class AnywhereRegex
{
    /// <summary>The pattern with the any-run in front, or <paramref name="pattern"/> itself when that does not fit the engine.</summary>
    public static Regex Build(string pattern, RegexOptions options, TimeSpan timeout)
    {
        try
        {
            return BuildOrThrow(pattern, options, timeout);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, options, timeout);
        }
    }

    /// <summary>The pattern with the any-run in front; <see cref="NotSupportedException"/> when it does not fit the engine.</summary>
    public static Regex BuildOrThrow(string pattern, RegexOptions options, TimeSpan timeout) =>
        new(@"[\s\S]*?(?:" + pattern + ")", options, timeout);
}
