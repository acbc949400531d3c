namespace Smooth.Surveillance.Scanning;

/// <summary>
/// The passage the injection heuristic scores around an anchor: the anchor's lines, grown to the neighbouring lines
/// of the same paragraph, but not across a blank line, a new list item or a new commit in a log — signals count only
/// when they are close to each other, so a long list of unrelated review notes is not read as one request. A line
/// that asks for something and ends in a colon ("... is ordered to immediately:" and a numbered list) introduces
/// what follows: its items belong to it (a colon alone does not: "Docs for language models:" and a list of links).
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
        var introduced = Introduces(span[LineStart(span, end)..end]);
        while (end < highest)
        {
            var nextEnd = LineEnd(span, end + 1);
            var next = span[(end + 1)..nextEnd];
            if (IsBlank(next))
            {
                // A line that introduces ("... should run:") owns the block after one blank line: the command it asks for.
                if (!introduced || nextEnd >= highest || IsBlank(span[(nextEnd + 1)..LineEnd(span, nextEnd + 1)])) break;
                introduced = false;
                end = nextEnd;
                continue;
            }
            if (StartsItem(span, end + 1) && !introduced) break;
            introduced |= Introduces(next);
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

    // Blank, or only the punctuation of a comment ("*", "//", "#", "--"): a paragraph break inside a code comment.
    private static bool IsBlank(ReadOnlySpan<char> line) => line.Trim().Trim(CommentPunctuation).IsEmpty;

    private const string CommentPunctuation = "*/#-;!<>";

    // A line that ends in a colon and asks: an obligation, an order or steps to follow.
    // A markdown heading that names a reader ("## Guidance for LLM agents") introduces its section the same way.
    private static bool Introduces(ReadOnlySpan<char> line) =>
        (line.TrimEnd() is [.., ':' or '：'] && line.ContainsAny(AskWords)) || (line.TrimStart().StartsWith('#') && line.ContainsAny(ReaderWords));

    private static readonly System.Buffers.SearchValues<string> ReaderWords = System.Buffers.SearchValues.Create(
        [" ai ", " ai:", " llm", "agents", "assistants", " bots", "copilot", "models"], StringComparison.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<string> AskWords = System.Buffers.SearchValues.Create(
        ["must", "should", "shall", "need to", "required to", "ordered to", "asked to", "instructed to", "expected to", "please", "immediately", "following", "steps"],
        StringComparison.OrdinalIgnoreCase);

    // A bullet, a numbered item or a commit header begins a new unit of meaning.
    private static bool StartsItem(ReadOnlySpan<char> text, int lineStart)
    {
        var raw = text[lineStart..LineEnd(text, lineStart)];
        var line = raw.TrimStart();
        // An indented "* " under "/*" or another indented "*" continues a block comment; it is not a bullet.
        if (line.StartsWith("* ") && line.Length < raw.Length && lineStart > 0 && IsCommentLine(text[LineStart(text, lineStart - 1)..(lineStart - 1)])) return false;
        if (line.Length >= 2 && line[0] is '-' or '*' or '+' && line[1] == ' ') return true;
        if (line.StartsWith("commit ", StringComparison.Ordinal)) return true;
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits])) digits++;
        return digits > 0 && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] == ' ';
    }

    private static bool IsCommentLine(ReadOnlySpan<char> line)
    {
        var t = line.TrimStart();
        return line.Length > t.Length && t.StartsWith('*') || t.StartsWith("/*");
    }
}
