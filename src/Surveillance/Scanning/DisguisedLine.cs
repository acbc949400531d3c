using System.Buffers;
using System.Text;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// What undoes the disguise of one line: a letter-spaced line collapsed ("d i s a b l e   t h e" → "disable the"), a
/// reversed line turned round, a line in ROT13 rotated back, and within other lines invisible characters dropped,
/// look-alike Cyrillic and Greek letters inside Latin words replaced, leetspeak digits read as letters, and hex,
/// <c>\x</c>-escaped or percent-encoded runs decoded.
/// The definition of a disguised line: <see cref="DisguiseProbes"/> only decides which lines are worth asking.
/// </summary>
internal static class DisguisedLine
{
    /// <summary>
    /// Writes the clean form of <paramref name="text"/>[<paramref name="from"/>..<paramref name="to"/>) (one line,
    /// without its newline) to <paramref name="output"/>, each character with the offset it came from; true when it
    /// differs from the line. Without output, only answers whether it would (and stops at the first difference).
    /// </summary>
    public static bool Transform(string text, int from, int to, CleanWriter? output)
    {
        var line = text.AsSpan(from, to - from);
        if (IsLetterSpaced(line))
        {
            output?.AppendCollapsed(line, from);
            return true;
        }
        if (IsReversed(line))
        {
            if (output is not null)
            {
                for (var i = to - 1; i >= from; i--) output.Append(text[i], i);
            }
            return true;
        }
        if (IsRot13(line))
        {
            if (output is not null)
            {
                for (var i = from; i < to; i++) output.Append(Rot13(text[i]), i);
            }
            return true;
        }
        var leet = IsLeet(line);
        var changed = false;
        // A percent run that decodes to no text ends here: a '%' inside it would start the same run cut short.
        var percentTried = from;
        var escapedTried = from;
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (Invisible.Contains(c))
            {
                if (output is null) return true;
                changed = true;
                continue;
            }
            if (c is >= '\u0370' and <= '\u04FF' && Latin(c) is { } latin && InLatinWord(text, i, from, to))
            {
                if (output is null) return true;
                output.Append(latin, i);
                changed = true;
                continue;
            }
            if (leet && Leet(c) is { } letter && InLetterWord(text, i, from, to))
            {
                if (output is null) return true;
                output.Append(letter, i);
                changed = true;
                continue;
            }
            var escaped = c == '\\' && i >= escapedTried;
            var percent = c == '%' && i >= percentTried;
            if (escaped || percent || (char.IsAsciiHexDigit(c) && (i == from || !char.IsAsciiLetterOrDigit(text[i - 1]))))
            {
                var end = escaped ? EncodedRun.EscapedHexEnd(text, i, to) : percent ? EncodedRun.PercentEnd(text, i, to) : EncodedRun.HexEnd(text, i, to);
                var decoded = escaped ? EncodedRun.DecodeEscapedHex(text, i, end) : percent ? EncodedRun.DecodePercent(text, i, end) : EncodedRun.DecodeHex(text, i, end);
                if (decoded is not null)
                {
                    if (output is null) return true;
                    foreach (var d in decoded) output.Append(d, i);
                    i = end - 1;
                    changed = true;
                    continue;
                }
                // A run that decodes to no text is not tried again from inside (each shorter tail would fail too).
                if (escaped) escapedTried = Math.Max(end, i + 1);
                if (percent) percentTried = end;
            }
            output?.Append(c, i);
        }
        return changed;
    }

    /// <summary>Zero-width characters, the soft hyphen, word joiners and bidi controls: they split a word without showing.</summary>
    public static readonly SearchValues<char> Invisible = SearchValues.Create(
        "\u00AD\u200B\u200C\u200D\u200E\u200F\u2060\u2061\u2062\u2063\u2064\uFEFF\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>Words a reversed English line is full of ("the", "and", "your", "to", "this", "of", "in").</summary>
    public static readonly string[] ReversedWords = [" eht ", " dna ", " ruoy ", " ot ", " siht ", " fo ", " ni "];

    /// <summary>
    /// The same for Spanish, Portuguese, French, Italian, German and Russian ("de", "que", "los", "las", "una", "por",
    /// "para", "con", "lo", "les", "pour", "pas", "est", "dans", "die", "und", "nicht", "für", "não", "che"; "не",
    /// "это", "при", "на", "по", "из", "вы"): none of them is a word read forwards in those languages or in English.
    /// </summary>
    public static readonly string[] ReversedWordsOther =
        [" ed ", " euq ", " sol ", " sal ", " anu ", " rop ", " arap ", " noc ", " ol ", " sel ", " ruop ", " sap ", " tse ", " snad ", " eid ", " dnu ", " thcin ", " rüf ", " oãn ", " ehc ",
         " ен ", " отэ ", " ирп ", " ан ", " оп ", " зи ", " ыв "];

    /// <summary>
    /// A line of single characters each followed by one space, with wider gaps between words: "d i s a b l e   t h e".
    /// Twelve lone letters in a row (lone punctuation may sit among them); tables of "- | -" or "0 0 0" do not count.
    /// </summary>
    public static bool IsLetterSpaced(ReadOnlySpan<char> line)
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

    /// <summary>A line of at least 20 characters with three of <see cref="ReversedWords"/> or three of <see cref="ReversedWordsOther"/>.</summary>
    public static bool IsReversed(ReadOnlySpan<char> line) =>
        line.Length >= 20 && (Hits(line, ReversedWords) >= 3 || Hits(line, ReversedWordsOther) >= 3);

    /// <summary>Words an English line in ROT13 is full of ("the", "and", "to", "your", "this", "of", "in", "not", "do", "for", "user").</summary>
    public static readonly string[] Rot13Words = [" gur ", " naq ", " gb ", " lbhe ", " guvf ", " bs ", " va ", " abg ", " qb ", " sbe ", " hfre "];

    /// <summary>A line of at least 20 characters with three of <see cref="Rot13Words"/>: English rotated by 13 letters.</summary>
    public static bool IsRot13(ReadOnlySpan<char> line) => line.Length >= 20 && Hits(line, Rot13Words) >= 3;

    /// <summary>An ASCII letter rotated by 13 (ROT13 undoes itself); anything else as it is.</summary>
    public static char Rot13(char c) => c switch
    {
        >= 'a' and <= 'z' => (char)('a' + (c - 'a' + 13) % 26),
        >= 'A' and <= 'Z' => (char)('A' + (c - 'A' + 13) % 26),
        _ => c,
    };

    private static int Hits(ReadOnlySpan<char> line, string[] words)
    {
        var hits = 0;
        foreach (var w in words)
        {
            if (line.Contains(w, StringComparison.OrdinalIgnoreCase)) hits++;
        }
        return hits;
    }

    /// <summary>Leetspeak: at least four words that mix letters with the digits that stand for letters (1gn0r3, th3, 53cr3t).</summary>
    public static bool IsLeet(ReadOnlySpan<char> line)
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

    /// <summary>The digits leetspeak uses for letters.</summary>
    public static readonly SearchValues<char> LeetDigits = SearchValues.Create("013457");

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

    /// <summary>A look-alike counts only inside a word that also has Latin letters: real Russian or Greek words stay as they are.</summary>
    public static bool InLatinWord(string text, int at, int from, int to)
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

    /// <summary>The Latin letter a Cyrillic or Greek letter passes for, or null.</summary>
    public static char? Latin(char c) => c switch
    {
        'а' => 'a', 'А' => 'A', 'в' => 'b', 'В' => 'B', 'с' => 'c', 'С' => 'C', 'е' => 'e', 'Е' => 'E', 'һ' => 'h', 'Н' => 'H',
        'і' => 'i', 'І' => 'I', 'ј' => 'j', 'Ј' => 'J', 'к' => 'k', 'К' => 'K', 'М' => 'M', 'о' => 'o', 'О' => 'O', 'р' => 'p',
        'Р' => 'P', 'ѕ' => 's', 'Ѕ' => 'S', 'т' => 't', 'Т' => 'T', 'у' => 'y', 'У' => 'Y', 'х' => 'x', 'Х' => 'X', 'ԁ' => 'd',
        'α' => 'a', 'Α' => 'A', 'Β' => 'B', 'ε' => 'e', 'Ε' => 'E', 'Η' => 'H', 'ι' => 'i', 'Ι' => 'I', 'κ' => 'k', 'Κ' => 'K',
        'Μ' => 'M', 'ν' => 'v', 'Ν' => 'N', 'ο' => 'o', 'Ο' => 'O', 'ρ' => 'p', 'Ρ' => 'P', 'τ' => 't', 'Τ' => 'T', 'υ' => 'u',
        'Χ' => 'X', 'χ' => 'x', 'Ζ' => 'Z',
        _ => null,
    };

    /// <summary>Receives a clean copy: its characters and, for each, the offset in the original it came from.</summary>
    internal sealed class CleanWriter(int capacity)
    {
        private readonly StringBuilder _text = new(capacity);
        private int[] _map = ArrayPool<int>.Shared.Rent(Math.Max(16, capacity));

        /// <summary>Characters written so far.</summary>
        public int Length => _text.Length;

        public void Append(char c, int from)
        {
            if (_text.Length == _map.Length) Grow();
            _map[_text.Length] = from;
            _text.Append(c);
        }

        public void AppendCopy(string text, int from, int to)
        {
            while (_map.Length < _text.Length + (to - from)) Grow();
            var at = _text.Length;
            for (var i = from; i < to; i++) _map[at + i - from] = i;
            _text.Append(text, from, to - from);
        }

        public void AppendCollapsed(ReadOnlySpan<char> line, int from)
        {
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] != ' ')
                {
                    Append(line[i], from + i);
                    continue;
                }
                var run = 1;
                while (i + run < line.Length && line[i + run] == ' ') run++;
                if (run >= 2) Append(' ', from + i);
                i += run - 1;
            }
        }

        /// <summary>The clean text; <see cref="Map"/> stays valid until <see cref="Release"/>.</summary>
        public override string ToString() => _text.ToString();

        /// <summary>For each clean character, its offset in the original (pooled: valid until <see cref="Release"/>).</summary>
        public ReadOnlySpan<int> Map => _map.AsSpan(0, _text.Length);

        public void Release()
        {
            ArrayPool<int>.Shared.Return(_map);
            _map = [];
        }

        private void Grow()
        {
            var bigger = ArrayPool<int>.Shared.Rent(_map.Length * 2);
            _map.AsSpan().CopyTo(bigger);
            ArrayPool<int>.Shared.Return(_map);
            _map = bigger;
        }
    }
}
