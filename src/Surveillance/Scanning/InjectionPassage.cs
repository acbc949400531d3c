namespace Smooth.Surveillance.Scanning;

/// <summary>
/// The passage the injection heuristic scores around an anchor: the anchor's lines, grown to the neighbouring lines
/// of the same paragraph, but not across a blank line, a new list item or a new commit in a log — signals count only
/// when they are close to each other, so a long list of unrelated review notes is not read as one request.
/// </summary>
internal static class InjectionPassage
{
    /// <summary>The start and end of the passage around the span <paramref name="start"/>..+<paramref name="length"/>, at most <paramref name="reach"/> characters either side.</summary>
    public static (int From, int End) Around(string text, int start, int length, int reach)
    {
        var span = text.AsSpan();
        var lowest = Math.Max(0, start - reach);
        var from = LineStart(span, start);
        while (from > lowest && !StartsItem(span, from))
        {
            var prevStart = LineStart(span, from - 1);
            if (IsBlank(span[prevStart..(from - 1)])) break;
            from = prevStart;
        }
        from = Math.Max(from, lowest);

        var highest = Math.Min(text.Length, start + length + reach);
        var end = LineEnd(span, Math.Min(text.Length, start + length));
        while (end < highest)
        {
            var nextEnd = LineEnd(span, end + 1);
            var next = span[(end + 1)..nextEnd];
            if (IsBlank(next) || StartsItem(span, end + 1)) break;
            end = nextEnd;
        }
        return (from, Math.Min(end, highest));
    }

    private static int LineStart(ReadOnlySpan<char> text, int at) => text[..at].LastIndexOf('\n') + 1;

    private static int LineEnd(ReadOnlySpan<char> text, int at)
    {
        var nl = text[at..].IndexOf('\n');
        return nl < 0 ? text.Length : at + nl;
    }

    private static bool IsBlank(ReadOnlySpan<char> line) => line.Trim().IsEmpty;

    // A bullet, a numbered item or a commit header begins a new unit of meaning.
    private static bool StartsItem(ReadOnlySpan<char> text, int lineStart)
    {
        var line = text[lineStart..LineEnd(text, lineStart)].TrimStart();
        if (line.Length >= 2 && line[0] is '-' or '*' or '+' && line[1] == ' ') return true;
        if (line.StartsWith("commit ", StringComparison.Ordinal)) return true;
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits])) digits++;
        return digits > 0 && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] == ' ';
    }
}
