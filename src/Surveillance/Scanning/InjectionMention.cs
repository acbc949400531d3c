using System.Text.RegularExpressions;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Tells an injection that is quoted or described from one that is addressed to the reader. Articles, threat models
/// and detector tests cite attacks: <c>a hidden line such as "ignore your previous instructions ..."</c>,
/// <c>sample = "Please disregard the system prompt ..."</c>, <c>requests to reveal the system prompt</c>: a match that
/// sits inside a quotation on its line that a cue introduces as an example, or right after "requests to", "attempts
/// to", "tries to". An attacker can write the cue too, so the scanner never drops such a match: a blocking rule's match
/// goes to the judge instead. An injection quoted without a cue (a JSON value, a CSV cell) is not a mention.
/// </summary>
internal static class InjectionMention
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking;

    // What introduces a quoted example, right before the opening quote: "such as", "like", "e.g.", "for example",
    // "the sentence", or a test fixture's variable ("sample =", "payload:").
    private static readonly Regex QuoteCue = new(
        @"(?:\bsuch\s+as|\blike|\be\.g\.,?|\bi\.e\.,?|\bfor\s+(?:example|instance)|\bexamples?\s*:|\b(?:sentence|phrase|wording|string)|\b(?:sample|example|payload|attack|injection|probe|malicious)\w*\s*[:=])\s*\z",
        Options, TimeSpan.FromSeconds(1));

    // What turns an order into a description of one: "requests to reveal ...", "attempts to override ...".
    private static readonly Regex DescribedCue = new(
        @"\b(?:requests?|attempts?|attempting|tries|trying)\s+to\s+\z",
        Options, TimeSpan.FromSeconds(1));

    // How far before an opening quote the cue may start.
    private const int CueReach = 40;

    /// <summary>True when the match at <paramref name="start"/> is cited (a cued quotation) or described, not addressed.</summary>
    internal static bool IsMention(string text, int start, int length)
    {
        var lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        var before = text.AsSpan(lineStart, start - lineStart);
        if (DescribedCue.IsMatch(before)) return true;

        var open = OpeningQuote(before);
        if (open < 0) return false;
        var end = start + length;
        var lineEnd = text.IndexOf('\n', end);
        var after = text.AsSpan(end, (lineEnd < 0 ? text.Length : lineEnd) - end);
        if (after.IndexOfAny('"', '”', '»') < 0) return false;
        var cueFrom = Math.Max(0, open - CueReach);
        return QuoteCue.IsMatch(before[cueFrom..open].TrimEnd());
    }

    // The quotation mark that the match sits inside on its line, or -1: an odd number of straight quotes before it,
    // or a typographic opening quote not closed since.
    private static int OpeningQuote(ReadOnlySpan<char> before)
    {
        var curly = before.LastIndexOfAny('“', '«');
        if (curly >= 0 && before[curly..].IndexOfAny('”', '»') < 0) return curly;
        var count = 0;
        var last = -1;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] != '"') continue;
            count++;
            last = i;
        }
        return count % 2 == 1 ? last : -1;
    }
}
