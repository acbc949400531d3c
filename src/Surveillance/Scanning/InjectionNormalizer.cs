namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Undoes the disguises that keep an injection's words from matching while a model still reads them: invisible
/// characters inside words ("i​gn​ore"), look-alike Cyrillic and Greek letters in Latin words ("Аssіstаnt"), letter-spaced
/// lines ("A I   a s s i s t a n t s"), leetspeak lines ("1gn0r3 th3 u53r"), reversed lines ("eht erahs"), and hex or
/// percent-encoded runs that decode to text (each defined by <see cref="DisguisedLine"/>). The scanner runs the injection
/// rules once more over clean copies of the disguised lines and their surroundings (<see cref="DisguiseRescan"/>); a map
/// leads each clean character back to the original, so findings point at the disguised text. Ordinary text has none of
/// these, and the searches that say so (<see cref="DisguiseProbes"/>) read it without allocating.
/// </summary>
internal static class InjectionNormalizer
{
    /// <summary>The lines (start, end without the newline) that a clean copy changes, in order; null when nothing is disguised.</summary>
    public static List<(int Start, int End)>? DisguisedLines(string text)
    {
        if (text.Length == 0) return null;
        List<(int, int)>? lines = null;
        foreach (var start in DisguiseProbes.CandidateLines(text))
        {
            var end = DisguiseProbes.LineEnd(text, start);
            if (DisguisedLine.Transform(text, start, end, null)) (lines ??= []).Add((start, end));
        }
        return lines;
    }

    /// <summary>
    /// Writes the clean copy of the lines <paramref name="from"/>..<paramref name="to"/> (a line start and a line end):
    /// the disguised <paramref name="lines"/> among them undone, the others as they are.
    /// </summary>
    public static void WriteClean(string text, int from, int to, List<(int Start, int End)> lines, DisguisedLine.CleanWriter output)
    {
        var at = from;
        foreach (var (start, end) in lines)
        {
            if (end < from || start > to) continue;
            output.AppendCopy(text, at, start);
            DisguisedLine.Transform(text, start, end, output);
            at = end;
        }
        output.AppendCopy(text, at, to);
    }

    /// <summary>The clean copy of the whole of <paramref name="text"/> and, for each of its characters, the offset it came from; null when nothing was disguised.</summary>
    public static (string Text, int[] Map)? Normalize(string text)
    {
        if (DisguisedLines(text) is not { } lines) return null;
        var output = new DisguisedLine.CleanWriter(text.Length);
        WriteClean(text, 0, text.Length, lines, output);
        var result = (output.ToString(), output.Map.ToArray());
        output.Release();
        return result;
    }
}
