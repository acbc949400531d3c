using System.Buffers;
using System.Text;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Undoes the disguises that keep an injection's words from matching while a model still reads them: invisible
/// characters inside words ("i​gn​ore"), look-alike Cyrillic and Greek letters in Latin words ("Аssіstаnt"), letter-spaced
/// lines ("A I   a s s i s t a n t s"), leetspeak lines ("1gn0r3 th3 u53r"), reversed lines ("eht erahs"), and hex or
/// percent-encoded runs that decode to text. The scanner runs the injection rules once more over the clean copy when
/// there was anything to undo; a map leads each clean character back to the original, so findings point at the
/// disguised text. Ordinary text has none of these, and the checks that say so are single passes.
/// </summary>
internal static class InjectionNormalizer
{
    /// <summary>The clean copy of <paramref name="text"/> and, for each of its characters, the offset it came from; null when nothing was disguised.</summary>
    public static (string Text, int[] Map)? Normalize(string text)
    {
        if (text.Length == 0) return null;
        var span = text.AsSpan();
        var invisible = ContainsInvisible(span);
        var foreign = HasLookAlike(text);
        if (!invisible && !foreign && !HasDisguisedLine(span, span.Contains(" eht ", StringComparison.Ordinal)) && !HasEncodedRun(text)) return null;

        var sb = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        var changed = false;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var nl = text.IndexOf('\n', lineStart);
            var lineEnd = nl < 0 ? text.Length : nl;
            changed |= AppendLine(text, lineStart, lineEnd, sb, map, invisible, foreign);
            if (nl < 0) break;
            sb.Append('\n');
            map.Add(nl);
            lineStart = nl + 1;
        }
        return changed ? (sb.ToString(), map.ToArray()) : null;
    }

    // Zero-width characters, the soft hyphen, word joiners and bidi controls: they split a word without showing.
    private static readonly SearchValues<char> Invisible = SearchValues.Create(
        "\u00AD\u200B\u200C\u200D\u200E\u200F\u2060\u2061\u2062\u2063\u2064\uFEFF\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    // Invisible characters sit in one block of general punctuation (U+200B-U+206F), besides U+FEFF and the soft hyphen:
    // a vectorised range search finds candidates; dashes and quotes of the same block are passed over.
    private static bool ContainsInvisible(ReadOnlySpan<char> text)
    {
        if (text.Contains('\uFEFF') || text.Contains('\u00AD')) return true;
        for (var at = 0; at < text.Length;)
        {
            var i = text[at..].IndexOfAnyInRange('\u200B', '\u206F');
            if (i < 0) return false;
            at += i;
            if (Invisible.Contains(text[at])) return true;
            at++;
        }
        return false;
    }

    // Words a reversed English line is full of ("the", "and", "your", "to", "this", "of").
    private static readonly string[] ReversedWords = [" eht ", " dna ", " ruoy ", " ot ", " siht ", " fo ", " ni "];

    private static bool AppendLine(string text, int from, int to, StringBuilder sb, List<int> map, bool invisible, bool foreign)
    {
        var line = text.AsSpan(from, to - from);
        if (IsLetterSpaced(line)) return AppendCollapsed(line, from, sb, map);
        if (IsReversed(line))
        {
            for (var i = to - 1; i >= from; i--) Append(sb, map, text[i], i);
            return true;
        }
        var leet = IsLeet(line);
        var changed = false;
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (invisible && Invisible.Contains(c))
            {
                changed = true;
                continue;
            }
            if (foreign && c is >= '\u0370' and <= '\u04FF' && Latin(c) is { } latin && InLatinWord(text, i, from, to))
            {
                Append(sb, map, latin, i);
                changed = true;
                continue;
            }
            if (leet && Leet(c) is { } letter && InLetterWord(text, i, from, to))
            {
                Append(sb, map, letter, i);
                changed = true;
                continue;
            }
            if (c == '%' || (char.IsAsciiHexDigit(c) && (i == from || !char.IsAsciiLetterOrDigit(text[i - 1]))))
            {
                var decoded = c == '%' ? PercentRun(text, i, to, out var end) : HexRun(text, i, to, out end);
                if (decoded is not null)
                {
                    foreach (var d in decoded) Append(sb, map, d, i);
                    i = end - 1;
                    changed = true;
                    continue;
                }
            }
            Append(sb, map, c, i);
        }
        return changed;
    }

    private static void Append(StringBuilder sb, List<int> map, char c, int at)
    {
        sb.Append(c);
        map.Add(at);
    }

    // A line of single characters each followed by one space, with wider gaps between words: "d i s a b l e   t h e".
    // Twelve lone letters in a row (lone punctuation may sit among them); tables of "- | -" or "0 0 0" do not count.
    private static bool IsLetterSpaced(ReadOnlySpan<char> line)
    {
        var letters = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == ' ') continue;
            var lone = (i == 0 || line[i - 1] == ' ') && (i + 1 == line.Length || line[i + 1] == ' ');
            if (!lone) letters = 0;
            else if (char.IsLetter(line[i]) && ++letters >= 12) return true;
        }
        return false;
    }

    private static bool AppendCollapsed(ReadOnlySpan<char> line, int from, StringBuilder sb, List<int> map)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != ' ')
            {
                Append(sb, map, line[i], from + i);
                continue;
            }
            var run = 1;
            while (i + run < line.Length && line[i + run] == ' ') run++;
            if (run >= 2) Append(sb, map, ' ', from + i);
            i += run - 1;
        }
        return true;
    }

    private static bool IsReversed(ReadOnlySpan<char> line)
    {
        if (line.Length < 20) return false;
        var hits = 0;
        foreach (var w in ReversedWords)
        {
            if (line.Contains(w, StringComparison.OrdinalIgnoreCase)) hits++;
        }
        return hits >= 3;
    }

    // Leetspeak: at least four words that mix letters with the digits that stand for letters (1gn0r3, th3, 53cr3t).
    private static bool IsLeet(ReadOnlySpan<char> line)
    {
        var words = 0;
        var all = 0;
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && !char.IsAsciiLetterOrDigit(line[i])) i++;
            var start = i;
            var letters = 0;
            var leet = 0;
            var other = 0;
            while (i < line.Length && char.IsAsciiLetterOrDigit(line[i]))
            {
                if (char.IsAsciiLetter(line[i])) letters++;
                else if (Leet(line[i]) is not null) leet++;
                else other++;
                i++;
            }
            if (i > start) all++;
            if (i - start >= 3 && letters > 0 && leet > 0 && other == 0) words++;
        }
        return words >= 4 && words * 3 >= all;
    }

    private static char? Leet(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        _ => null,
    };

    private static bool InLetterWord(string text, int at, int from, int to) =>
        (at > from && char.IsAsciiLetterOrDigit(text[at - 1])) || (at + 1 < to && char.IsAsciiLetterOrDigit(text[at + 1]));

    // A look-alike counts only inside a word that also has Latin letters: real Russian or Greek words stay as they are.
    private static bool InLatinWord(string text, int at, int from, int to)
    {
        var s = at;
        while (s > from && char.IsLetter(text[s - 1])) s--;
        var e = at;
        while (e < to && char.IsLetter(text[e])) e++;
        for (var k = s; k < e; k++)
        {
            if (char.IsAsciiLetter(text[k])) return true;
        }
        return false;
    }

    private static char? Latin(char c) => c switch
    {
        'а' => 'a', 'А' => 'A', 'в' => 'b', 'В' => 'B', 'с' => 'c', 'С' => 'C', 'е' => 'e', 'Е' => 'E', 'һ' => 'h', 'Н' => 'H',
        'і' => 'i', 'І' => 'I', 'ј' => 'j', 'Ј' => 'J', 'к' => 'k', 'К' => 'K', 'М' => 'M', 'о' => 'o', 'О' => 'O', 'р' => 'p',
        'Р' => 'P', 'ѕ' => 's', 'Ѕ' => 'S', 'т' => 't', 'Т' => 'T', 'у' => 'y', 'У' => 'Y', 'х' => 'x', 'Х' => 'X', 'ԁ' => 'd',
        'α' => 'a', 'Α' => 'A', 'Β' => 'B', 'ε' => 'e', 'Ε' => 'E', 'Η' => 'H', 'ι' => 'i', 'Ι' => 'I', 'κ' => 'k', 'Κ' => 'K',
        'Μ' => 'M', 'ν' => 'v', 'Ν' => 'N', 'ο' => 'o', 'Ο' => 'O', 'ρ' => 'p', 'Ρ' => 'P', 'τ' => 't', 'Τ' => 'T', 'υ' => 'u',
        'Χ' => 'X', 'χ' => 'x', 'Ζ' => 'Z',
        _ => null,
    };

    // A Cyrillic or Greek look-alike inside a Latin word; Russian and Greek text alone is no disguise.
    private static bool HasLookAlike(string text)
    {
        var span = text.AsSpan();
        var at = 0;
        while (true)
        {
            var i = span[at..].IndexOfAnyInRange('\u0370', '\u04FF');
            if (i < 0) return false;
            at += i;
            if (Latin(text[at]) is not null && InLatinWord(text, at, Math.Max(0, at - 64), Math.Min(text.Length, at + 64))) return true;
            at++;
        }
    }

    // Lines worth a closer look: letter-spaced, reversed or leetspeak. Most text has no "x y " pair of lone letters and
    // no leet digit between two letters, found by vectorised searches; only lines with one are measured.
    private static bool HasDisguisedLine(ReadOnlySpan<char> text, bool reversedWords)
    {
        if (reversedWords)
        {
            foreach (var range in text.Split('\n'))
            {
                if (IsReversed(text[range])) return true;
            }
        }
        // Twelve lone letters span at least 23 characters: a probe every seventh character lands inside such a run.
        for (var p = 2; p + 2 < text.Length; p += 7)
        {
            var c = text[p];
            var inside = c == ' '
                ? char.IsLetter(text[p - 1]) && char.IsLetter(text[p + 1]) && text[p - 2] == ' ' && text[p + 2] == ' '
                : char.IsLetter(c) && text[p - 1] == ' ' && text[p + 1] == ' ' && char.IsLetter(text[p - 2]) && char.IsLetter(text[p + 2]);
            if (inside && IsLetterSpaced(LineAround(text, p))) return true;
        }
        for (var at = 0; at < text.Length;)
        {
            var i = text[at..].IndexOfAny(LeetDigits);
            if (i < 0) break;
            i += at;
            at = i + 1;
            if (i == 0 || !char.IsAsciiLetter(text[i - 1]))
            {
                // A number (a date, a count, a version) is no leet: skip its digits at once.
                while (at < text.Length && char.IsAsciiDigit(text[at])) at++;
                continue;
            }
            if (i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]))
            {
                var line = LineAround(text, i);
                if (IsLeet(line)) return true;
                at = i + 1 + Math.Max(0, text[(i + 1)..].IndexOf('\n'));
            }
        }
        return false;
    }

    private static readonly SearchValues<char> LeetDigits = SearchValues.Create("013457");

    private static ReadOnlySpan<char> LineAround(ReadOnlySpan<char> text, int at)
    {
        var s = text[..at].LastIndexOf('\n') + 1;
        var e = text[at..].IndexOf('\n');
        return text[s..(e < 0 ? text.Length : at + e)];
    }

    private const int MinHexDigits = 40;
    private const int MinPercentEscapes = 6;

    // Only a run that decodes to text counts: lockfiles and logs are full of hashes, which decode to bytes.
    private static bool HasEncodedRun(string text)
    {
        var span = text.AsSpan();
        // A run of MinHexDigits covers one of every MinHexDigits-th position: only those are probed.
        var covered = 0;
        for (var p = MinHexDigits - 1; p < span.Length; p += MinHexDigits)
        {
            if (!char.IsAsciiHexDigit(span[p]) || p < covered) continue;
            var start = p;
            while (start > 0 && char.IsAsciiHexDigit(span[start - 1])) start--;
            var end = p + 1;
            while (end < span.Length && char.IsAsciiHexDigit(span[end])) end++;
            covered = end;
            if (end - start >= MinHexDigits && (start == 0 || !char.IsAsciiLetterOrDigit(span[start - 1])) && HexRun(text, start, end, out _) is not null) return true;
        }
        if (span.Count('%') < MinPercentEscapes) return false;
        for (var at = span.IndexOf('%'); at >= 0; at = text.IndexOf('%', at + 1))
        {
            var lineEnd = text.IndexOf('\n', at);
            if (PercentRun(text, at, lineEnd < 0 ? text.Length : lineEnd, out var end) is not null) return true;
            at = Math.Max(at, end - 1);
        }
        return false;
    }

    // A run of hex digits that decodes to text (a word gap included); hashes and ids decode to bytes, not text.
    private static string? HexRun(string text, int at, int to, out int end)
    {
        end = at;
        while (end < to && char.IsAsciiHexDigit(text[end])) end++;
        var length = end - at;
        if (length < MinHexDigits || length % 2 != 0) return null;
        var bytes = Convert.FromHexString(text.AsSpan(at, length));
        return Printable(bytes);
    }

    // A run of %XX escapes (and the plain characters between them) that decodes to text.
    private static string? PercentRun(string text, int at, int to, out int end)
    {
        var bytes = new List<byte>();
        var escapes = 0;
        end = at;
        while (end < to)
        {
            if (text[end] == '%' && end + 2 < to && char.IsAsciiHexDigit(text[end + 1]) && char.IsAsciiHexDigit(text[end + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(end + 1, 2), 16));
                escapes++;
                end += 3;
            }
            else if (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '-' or '_' or '~' or '+')
            {
                bytes.Add((byte)(text[end] == '+' ? ' ' : text[end]));
                end++;
            }
            else break;
        }
        return escapes >= MinPercentEscapes ? Printable([.. bytes]) : null;
    }

    private static string? Printable(byte[] bytes)
    {
        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        var printable = decoded.Count(c => !char.IsControl(c) || c is '\n' or '\t');
        return printable >= decoded.Length * 0.95 && decoded.Contains(' ') ? decoded : null;
    }
}
