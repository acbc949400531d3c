using Smooth.Surveillance.Rules;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// The injection rules' second look at disguised text: each group of disguised lines is cleaned with
/// <see cref="Influence"/> characters around it on both sides twice over, scanned, and what was found within
/// <see cref="Influence"/> of a disguised line is mapped back onto the original. The rest of the text was scanned as
/// it is and reads the same in the copy, so a disguised line in a long tool result costs a few kilobytes, not a
/// second scan of the whole result.
/// </summary>
internal static class DisguiseRescan
{
    /// <summary>
    /// How far a disguised line can change what is found: a keyword window reaches 256 characters back and 1024 ahead,
    /// a scored passage 220 either side, so a match that reads a disguised line lies within this of it.
    /// </summary>
    public const int Influence = 2048;

    /// <summary>Adds to <paramref name="results"/> the injection findings that only the clean copy shows (and repeats, which the scanner drops).</summary>
    public static void Run(RuleSet set, string text, List<RawMatch> results, Action<CompiledRule>? onTimeout)
    {
        if (InjectionNormalizer.DisguisedLines(text) is not { } lines) return;
        var first = 0;
        while (first < lines.Count)
        {
            // Lines whose copies would overlap are cleaned and scanned together.
            var last = first;
            while (last + 1 < lines.Count && lines[last + 1].Start - lines[last].End <= 4 * Influence) last++;
            var from = DisguiseProbes.LineStart(text, Math.Max(0, lines[first].Start - 2 * Influence));
            var to = DisguiseProbes.LineEnd(text, Math.Min(text.Length, lines[last].End + 2 * Influence));
            var group = lines.GetRange(first, last - first + 1);
            var output = new DisguisedLine.CleanWriter(to - from + 64);
            InjectionNormalizer.WriteClean(text, from, to, group, output);
            var clean = output.ToString();
            foreach (var m in Scanner.Scan(set, clean, ScanScope.Injection | ScanScope.NoDecoding, null, onTimeout))
            {
                var map = output.Map;
                var start = map[m.Start];
                var end = map[m.Start + m.Length - 1] + 1;
                // A reversed line runs backwards in the copy.
                if (end <= start) (start, end) = (map[m.Start + m.Length - 1], map[m.Start] + 1);
                if (Near(group, start, end)) results.Add(m with { Start = start, Length = end - start });
            }
            output.Release();
            first = last + 1;
        }
    }

    private static bool Near(List<(int Start, int End)> lines, int start, int end)
    {
        foreach (var (s, e) in lines)
        {
            if (start < e + Influence && end > s - Influence) return true;
        }
        return false;
    }
}
