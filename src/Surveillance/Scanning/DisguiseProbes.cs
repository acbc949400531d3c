using System.Buffers;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Finds the lines that may be disguised (see <see cref="DisguisedLine"/>) without reading ordinary text character by
/// character: vectorised searches for the rare characters (invisible ones, Cyrillic and Greek letters, leet digits,
/// '%', the words of a reversed line) and, for letter spacing and hex runs, probes spaced so that any qualifying run
/// holds one. Each search reports a line at most once. Every line the definition would change is among those found.
/// </summary>
internal static class DisguiseProbes
{
    // Twelve lone letters and the eleven gaps between them span at least 23 characters: any 23 positions in a row
    // hold a probe.
    private const int LetterSpacingProbe = 23;

    // A reversed English line has three of the seven words, so one of any five: the five least common in ordinary
    // text (" ot " and " ni " are words in other languages) are searched for. A reversed line in the other languages
    // holds one of their commonest: "de", "que", "die", "und", "che", "les", "con", "para", "pour", "не", "это", "при".
    // The Cyrillic words are a set of their own: one non-ASCII word sends the whole set to a search that reads every
    // character (it was a seventh of a 64 KiB scan), where ASCII words alone are found by a vectorised one.
    private static readonly SearchValues<string> ReversedWords =
        SearchValues.Create([" eht ", " dna ", " ruoy ", " siht ", " fo ", " ed ", " euq ", " eid ", " dnu ", " ehc ", " sel ", " noc ", " arap ", " ruop "], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> ReversedCyrillicWords =
        SearchValues.Create([" ен ", " отэ ", " ирп "], StringComparison.OrdinalIgnoreCase);

    // A line in ROT13 has three of its eleven words; the eight that are no word read forwards (" gb " is gigabytes,
    // " bs " and " va " are words too) are searched for, so a line with only those three is not looked at.
    private static readonly SearchValues<string> Rot13Words =
        SearchValues.Create([" gur ", " naq ", " lbhe ", " guvf ", " abg ", " qb ", " sbe ", " hfre "], StringComparison.OrdinalIgnoreCase);

    /// <summary>The start offsets of the lines worth a closer look, in order and without repeats.</summary>
    public static List<int> CandidateLines(string text)
    {
        var starts = new List<int>();
        NonAscii(text, starts);
        LetterSpacing(text, starts);
        LinesWithWord(text, ReversedWords, DisguisedLine.IsReversed, starts);
        if (text.AsSpan().ContainsAnyInRange('\u0400', '\u04FF')) LinesWithWord(text, ReversedCyrillicWords, DisguisedLine.IsReversed, starts);
        LinesWithWord(text, Rot13Words, DisguisedLine.IsRot13, starts);
        Leet(text, starts);
        HexRuns(text, starts);
        PercentRuns(text, starts);
        EscapedHexRuns(text, starts);
        if (starts.Count > 1)
        {
            starts.Sort();
            var n = 1;
            for (var i = 1; i < starts.Count; i++)
            {
                if (starts[i] != starts[n - 1]) starts[n++] = starts[i];
            }
            starts.RemoveRange(n, starts.Count - n);
        }
        return starts;
    }

    /// <summary>Where the line holding <paramref name="at"/> starts.</summary>
    public static int LineStart(ReadOnlySpan<char> text, int at) => text[..at].LastIndexOf('\n') + 1;

    /// <summary>Where the line holding <paramref name="at"/> ends (its newline, or the end of the text).</summary>
    public static int LineEnd(ReadOnlySpan<char> text, int at)
    {
        var nl = text[at..].IndexOf('\n');
        return nl < 0 ? text.Length : at + nl;
    }

    // Adds the line holding `at`; returns where the search goes on (past that line: it is reported once).
    private static int Add(ReadOnlySpan<char> text, int at, List<int> starts)
    {
        starts.Add(LineStart(text, at));
        return LineEnd(text, at) + 1;
    }

    private delegate bool LineTest(ReadOnlySpan<char> line);

    // Adds the line holding `at` when it passes `test`; returns where the search goes on (past that line either way).
    private static int AddIf(ReadOnlySpan<char> text, int at, List<int> starts, LineTest test)
    {
        var s = LineStart(text, at);
        var e = LineEnd(text, at);
        if (test(text[s..e])) starts.Add(s);
        return e + 1;
    }

    // Invisible characters and look-alike letters are not ASCII. Most tool results hold a few other non-ASCII characters
    // at most (a dash, a quote), so those are visited one by one, found by a vectorised search; text dense in them
    // (Russian, Korean) goes on with range searches for the two kinds, which pass over the rest.
    private static void NonAscii(string text, List<int> starts)
    {
        const int MinLookups = 32;
        const int SparseGap = 16;
        var span = text.AsSpan();
        var at = 0;
        for (var lookups = 1; at < span.Length; lookups++)
        {
            var i = span[at..].IndexOfAnyExceptInRange('\0', '\x7f');
            if (i < 0) return;
            at += i;
            if (lookups >= MinLookups && at < lookups * SparseGap)
            {
                Invisible(text, at, starts);
                LookAlikes(text, at, starts);
                return;
            }
            if (DisguisedLine.Invisible.Contains(span[at])) at = Add(span, at, starts);
            else if (span[at] is >= '\u0370' and <= '\u04FF') at = LookAlikeWord(span, at, starts);
            else at++;
        }
    }

    // Invisible characters sit in one block of general punctuation (U+200B-U+206F), besides U+FEFF and the soft hyphen:
    // vectorised range searches find candidates; dashes and quotes of the same block are passed over.
    private static void Invisible(string text, int from, List<int> starts)
    {
        var span = text.AsSpan();
        for (var at = from; at < span.Length;)
        {
            var i = span[at..].IndexOfAnyInRange('\u200B', '\u206F');
            if (i < 0) break;
            at += i;
            at = DisguisedLine.Invisible.Contains(span[at]) ? Add(span, at, starts) : at + 1;
        }
        foreach (var c in "\uFEFF\u00AD")
        {
            for (var at = from; at < span.Length;)
            {
                var i = span[at..].IndexOf(c);
                if (i < 0) break;
                at = Add(span, at + i, starts);
            }
        }
    }

    private static void LookAlikes(string text, int from, List<int> starts)
    {
        var span = text.AsSpan();
        for (var at = from; at < span.Length;)
        {
            var i = span[at..].IndexOfAnyInRange('\u0370', '\u04FF');
            if (i < 0) break;
            at = LookAlikeWord(span, at + i, starts);
        }
    }

    // A Cyrillic or Greek look-alike inside a word that also has Latin letters; returns where the search goes on (past
    // the word, so Russian and Greek text costs a pass over its words).
    private static int LookAlikeWord(ReadOnlySpan<char> span, int at, List<int> starts)
    {
        var s = at;
        while (s > 0 && char.IsLetter(span[s - 1])) s--;
        var e = at;
        while (e < span.Length && char.IsLetter(span[e])) e++;
        var word = span[s..e];
        if (word.ContainsAnyInRange('A', 'Z') || word.ContainsAnyInRange('a', 'z'))
        {
            foreach (var c in word)
            {
                if (DisguisedLine.Latin(c) is not null) return Add(span, at, starts);
            }
        }
        return Math.Max(e, at + 1);
    }

    // Inside a letter-spaced run every character is a space or a lone character; a probe every 16 characters lands in
    // each such run, and only a probe that sees lone characters on both sides measures its line.
    private static void LetterSpacing(string text, List<int> starts)
    {
        var span = text.AsSpan();
        for (var p = 0; p < span.Length;)
        {
            if (!InSpacedRun(span, p))
            {
                p += LetterSpacingProbe;
                continue;
            }
            p = AddIf(span, p, starts, DisguisedLine.IsLetterSpaced);
        }
    }

    private static bool InSpacedRun(ReadOnlySpan<char> text, int p)
    {
        if (text[p] == '\n') return false;
        if (text[p] != ' ') return IsLone(text, p);
        var left = p;
        while (left > 0 && text[left] == ' ') left--;
        var right = p;
        while (right + 1 < text.Length && text[right] == ' ') right++;
        return text[left] is not (' ' or '\n') && text[right] is not (' ' or '\n') && IsLone(text, left) && IsLone(text, right);
    }

    private static bool IsLone(ReadOnlySpan<char> text, int p) =>
        (p == 0 || text[p - 1] is ' ' or '\n') && (p + 1 == text.Length || text[p + 1] is ' ' or '\n');

    // Reversed and ROT13 lines: each line holding one of `words` is asked `test` once.
    private static void LinesWithWord(string text, SearchValues<string> words, LineTest test, List<int> starts)
    {
        var span = text.AsSpan();
        for (var at = 0; at < span.Length;)
        {
            var i = span[at..].IndexOfAny(words);
            if (i < 0) break;
            at += i;
            at = AddIf(span, at, starts, test);
        }
    }

    // A leet word mixes letters and leet digits, so one leet digit touches a letter; a number (a date, a count, a
    // version) touches none and is skipped whole.
    private static void Leet(string text, List<int> starts)
    {
        var span = text.AsSpan();
        for (var at = 0; at < span.Length;)
        {
            var i = span[at..].IndexOfAny(DisguisedLine.LeetDigits);
            if (i < 0) break;
            at += i;
            var touches = (at > 0 && char.IsAsciiLetter(span[at - 1])) || (at + 1 < span.Length && char.IsAsciiLetter(span[at + 1]));
            if (!touches)
            {
                at++;
                while (at < span.Length && char.IsAsciiDigit(span[at])) at++;
                continue;
            }
            at = AddIf(span, at, starts, DisguisedLine.IsLeet);
        }
    }

    // A run of MinHexDigits covers one of every MinHexDigits-th position: only those are probed.
    private static void HexRuns(string text, List<int> starts)
    {
        var span = text.AsSpan();
        var covered = 0;
        for (var p = EncodedRun.MinHexDigits - 1; p < span.Length; p += EncodedRun.MinHexDigits)
        {
            if (p < covered || !char.IsAsciiHexDigit(span[p])) continue;
            var start = p;
            while (start > 0 && char.IsAsciiHexDigit(span[start - 1])) start--;
            var end = EncodedRun.HexEnd(text, p, span.Length);
            covered = end;
            if ((start == 0 || !char.IsAsciiLetterOrDigit(span[start - 1])) && EncodedRun.DecodeHex(text, start, end) is not null)
            {
                covered = Add(span, start, starts);
            }
        }
    }

    // C-style escapes ("\x69\x6e").
    private static void EscapedHexRuns(string text, List<int> starts) =>
        EncodedRuns(text, "\\x", EncodedRun.EscapedHexEnd, EncodedRun.DecodeEscapedHex, starts);

    private static void PercentRuns(string text, List<int> starts)
    {
        if (text.AsSpan().Count('%') < EncodedRun.MinPercentEscapes) return;
        EncodedRuns(text, "%", EncodedRun.PercentEnd, EncodedRun.DecodePercent, starts);
    }

    // Runs of escapes: each is found by its first `marker`, measured to the end of its line at most, and decoded once;
    // a run that decodes to text adds its line.
    private static void EncodedRuns(string text, string marker, Func<string, int, int, int> endOf, Func<string, int, int, string?> decode, List<int> starts)
    {
        var span = text.AsSpan();
        for (var at = span.IndexOf(marker, StringComparison.Ordinal); at >= 0;)
        {
            var end = endOf(text, at, LineEnd(span, at));
            var next = decode(text, at, end) is not null ? Add(span, at, starts) : Math.Max(end, at + 1);
            if (next >= span.Length) break;
            var i = span[next..].IndexOf(marker, StringComparison.Ordinal);
            at = i < 0 ? -1 : next + i;
        }
    }
}
