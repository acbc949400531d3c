using System.Text.RegularExpressions;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Which scripts a text holds, as far as a set of patterns can tell: a script counts as present when the text has one
/// of the characters (or a case variant of one) of that script that a cut can take out of the patterns (see
/// <see cref="ScriptPruner"/>). A pattern cut down to the present scripts matches exactly where the whole one does.
/// </summary>
internal sealed class ScriptSet
{
    /// <summary>The number of scripts (bits of a mask).</summary>
    public const int Count = 13;

    /// <summary>Every script.</summary>
    public const ulong All = (1UL << Count) - 1;

    /// <summary>Latin letters with accents (script 1): European text is full of them, so they combine with any other script.</summary>
    public const ulong Latin = 1;

    /// <summary>Punctuation and symbols (script 2: typographic quotes and dashes, arrows): they combine with any script.</summary>
    public const ulong Punctuation = 2;

    // Per character, the scripts whose letters it matches (case variants included): 64 K entries, filled once.
    private readonly ushort[] _scripts = new ushort[char.MaxValue + 1];

    // Scripts with a letter that has an ASCII case variant (the Kelvin sign of "k"): always present.
    private readonly ulong _always;

    /// <summary>Reads the letters of <paramref name="patterns"/>, which are built with <paramref name="options"/>.</summary>
    public ScriptSet(IEnumerable<string> patterns, RegexOptions options)
    {
        var letters = new SortedSet<char>[Count];
        foreach (var pattern in patterns)
        {
            ScriptPruner.CutLetters(pattern, c => (letters[ScriptOf(c) - 1] ??= []).Add(c));
        }
        var everyChar = new string(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).ToArray());
        for (var s = 0; s < Count; s++)
        {
            if (letters[s] is not { Count: > 0 } set) continue;
            // The regex parser says which characters match a letter under the patterns' options (it folds case into
            // sets the same way for every engine), so no case variant is missed. The backtracking engine builds a set
            // in microseconds where the linear one takes milliseconds.
            var any = new Regex("[" + string.Concat(set.Select(c => Regex.Escape(c.ToString()))) + "]", options & ~RegexOptions.NonBacktracking);
            foreach (var m in any.EnumerateMatches(everyChar))
            {
                _scripts[m.Index] |= (ushort)(1 << s);
                if (m.Index < 128) _always |= 1UL << s;
            }
        }
    }

    /// <summary>The script of a non-ASCII character, by Unicode block (1-based).</summary>
    public static int ScriptOf(char c) => c switch
    {
        < '\u0080' => throw new ArgumentOutOfRangeException(nameof(c), "ASCII characters belong to no script here"),
        <= '\u00BF' or '\u00D7' or '\u00F7' or >= '\u02B0' and <= '\u036F' or >= '\u2000' and <= '\u2BFF' => 2, // punctuation, symbols, marks
        <= '\u02AF' or >= '\u1E00' and <= '\u1EFF' => 1, // Latin with accents
        >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF' => 3, // Greek
        >= '\u0400' and <= '\u052F' or >= '\u1C80' and <= '\u1C8F' => 4, // Cyrillic
        >= '\u0590' and <= '\u05FF' => 5, // Hebrew
        >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => 6, // Arabic, Persian
        >= '\u0900' and <= '\u097F' => 7, // Devanagari
        >= '\u0E00' and <= '\u0E7F' => 8, // Thai
        >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F' or >= '\uAC00' and <= '\uD7AF' => 9, // Hangul
        >= '\u0530' and <= '\u058F' or >= '\u10A0' and <= '\u10FF' or >= '\u1200' and <= '\u139F' or >= '\u2D80' and <= '\u2DDF' => 10, // Armenian, Georgian, Ethiopic
        >= '\u0980' and <= '\u0DFF' => 11, // Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala
        >= '\u0E80' and <= '\u0EFF' or >= '\u1000' and <= '\u109F' or >= '\u1780' and <= '\u17FF' => 12, // Lao, Burmese, Khmer
        _ => 13, // CJK, kana, full-width forms and the rest
    };

    /// <summary>The scripts present in <paramref name="text"/> (bit s-1 for script s).</summary>
    public ulong Of(ReadOnlySpan<char> text)
    {
        var mask = _always;
        while (true)
        {
            var i = text.IndexOfAnyExceptInRange('\0', '\x7f');
            if (i < 0) return mask;
            mask |= _scripts[text[i]];
            text = text[(i + 1)..];
        }
    }
}
