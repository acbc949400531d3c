namespace Smooth.Surveillance.Scoring;

/// <summary>
/// Which line of a flagged window the model finds most like an injection, scored alone: what a finding's preview
/// shows, so a person (and <c>th narc scan</c>) sees the words that tipped the window rather than its first line.
/// Run only for flagged windows.
/// </summary>
internal static class StrongestLine
{
    /// <summary>The start and length of the strongest non-blank line of <paramref name="text"/>[start..end).</summary>
    public static (int Start, int Length) In(LinearModel model, string text, int start, int end)
    {
        var best = (Start: start, Length: end - start);
        var bestLogit = double.NegativeInfinity;
        var lineStart = start;
        while (lineStart < end)
        {
            var nl = text.AsSpan(lineStart, end - lineStart).IndexOf('\n');
            var lineEnd = nl < 0 ? end : lineStart + nl;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            if (!line.IsWhiteSpace())
            {
                var logit = WindowScorer.LogitsOf(model, line).Max();
                if (logit > bestLogit) (best, bestLogit) = ((lineStart, lineEnd - lineStart), logit);
            }
            lineStart = lineEnd + 1;
        }
        return best;
    }
}
