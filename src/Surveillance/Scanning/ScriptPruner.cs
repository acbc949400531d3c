using System.Text;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Cuts from a pattern the alternatives (at any depth) that need a letter of a script left out: a letter the
/// alternative must match (not optional, not inside a group that may be skipped). Such an alternative can only match
/// where that letter, or a case variant of it, occurs; in a text without any, the cut pattern matches exactly where
/// the whole one does. The linear engine's build cost grows with the square of the distinct characters a pattern
/// holds, and the multilingual vocabulary holds hundreds: a pattern cut down to the scripts a passage contains is
/// built in a fraction of the time and memory.
/// </summary>
internal static class ScriptPruner
{
    /// <summary>What a pattern that can never match is cut down to.</summary>
    public const string Never = @"[^\s\S]";

    /// <summary>
    /// <paramref name="pattern"/> without the alternatives that need a letter of a script outside <paramref name="keep"/>
    /// (scripts as numbered by <paramref name="scriptOf"/>, bit s-1 for script s; 0 for letters that never cut);
    /// <see cref="Never"/> when nothing is left. Throws <see cref="FormatException"/> on a construct it does not read.
    /// </summary>
    public static string Prune(string pattern, ulong keep, Func<char, int> scriptOf)
    {
        var reader = new Reader(pattern, keep, scriptOf, null);
        return reader.Read() ?? Never;
    }

    /// <summary>Calls <paramref name="visit"/> with every letter that can cut an alternative (non-ASCII and needed by it).</summary>
    public static void CutLetters(string pattern, Action<char> visit) => new Reader(pattern, ulong.MaxValue, _ => 0, visit).Read();

    private sealed class Reader(string p, ulong keep, Func<char, int> scriptOf, Action<char>? visit)
    {
        private int _i;

        public string? Read()
        {
            var result = Alternation();
            if (_i != p.Length) throw new FormatException($"unbalanced ')' at {_i}");
            return result;
        }

        // Branches up to a ')' at this depth or the end: the kept ones joined, or null when none is kept.
        private string? Alternation()
        {
            var kept = new List<string>();
            while (true)
            {
                var (branch, cut) = Branch();
                if (!cut) kept.Add(branch);
                if (_i < p.Length && p[_i] == '|')
                {
                    _i++;
                    continue;
                }
                return kept.Count == 0 ? null : string.Join("|", kept);
            }
        }

        // One branch up to '|', ')' or the end, cut inside its groups; cut as a whole when it needs a letter of a
        // script left out, or a group of which nothing is left.
        private (string Text, bool Cut) Branch()
        {
            var sb = new StringBuilder();
            var cut = false;
            while (_i < p.Length && p[_i] is not ('|' or ')'))
            {
                var c = p[_i];
                if (c == '\\')
                {
                    if (_i + 1 >= p.Length) throw new FormatException("a pattern ends in '\\'");
                    sb.Append(p, _i, 2);
                    _i += 2;
                }
                else if (c == '[')
                {
                    var end = ClassEnd(_i);
                    sb.Append(p, _i, end - _i);
                    _i = end;
                }
                else if (c == '(')
                {
                    var open = GroupOpening(_i);
                    sb.Append(p, _i, open - _i);
                    _i = open;
                    if (p[_i - 1] == ')') continue; // an inline option or a comment: nothing inside
                    var inner = Alternation();
                    if (_i >= p.Length) throw new FormatException("a group is not closed");
                    sb.Append(inner ?? Never).Append(')');
                    _i++;
                    cut |= inner is null && !Optional(_i);
                }
                else
                {
                    sb.Append(c);
                    _i++;
                    if (c >= 128 && !Optional(_i)) cut |= Cuts(c);
                }
            }
            return (sb.ToString(), cut);
        }

        private bool Cuts(char letter)
        {
            visit?.Invoke(letter);
            var script = scriptOf(letter);
            return script != 0 && (keep & (1UL << (script - 1))) == 0;
        }

        // True when the quantifier at p[i] (if any) lets the atom before it match nothing: ? * {0,...}.
        private bool Optional(int i) =>
            i < p.Length && (p[i] is '?' or '*' || p[i] == '{' && i + 1 < p.Length && p[i + 1] is '0' or ',');

        // The index after a character class starting at p[i] == '[' (with .NET's nested subtraction, [a-z-[aeiou]]).
        private int ClassEnd(int i)
        {
            i++;
            if (i < p.Length && p[i] == '^') i++;
            if (i < p.Length && p[i] == ']') i++; // a ']' first is a literal
            var depth = 0;
            while (i < p.Length)
            {
                var c = p[i];
                if (c == '\\') i += 2;
                else if (c == '[' && p[i - 1] == '-')
                {
                    depth++;
                    i++;
                }
                else if (c == ']')
                {
                    i++;
                    if (depth-- == 0) return i;
                }
                else i++;
            }
            throw new FormatException("a character class is not closed");
        }

        // The index after the opening of a group at p[i] == '(': after "(", "(?:", "(?<name>", "(?'name'", "(?i:",
        // "(?=" ...; after the closing ')' of an inline option "(?i)" or a comment "(?#...)".
        private int GroupOpening(int i)
        {
            if (i + 1 >= p.Length || p[i + 1] != '?') return i + 1;
            var j = i + 2;
            if (j >= p.Length) throw new FormatException("a group is not closed");
            switch (p[j])
            {
                case ':' or '=' or '!' or '>':
                    return j + 1;
                case '#':
                    var close = p.IndexOf(')', j);
                    return close < 0 ? throw new FormatException("a comment is not closed") : close + 1;
                case '<' when j + 1 < p.Length && p[j + 1] is '=' or '!':
                    return j + 2;
                case '<' or '\'':
                    var end = p.IndexOfAny(['>', '\''], j + 1);
                    return end < 0 ? throw new FormatException("a group name is not closed") : end + 1;
                case '(':
                    throw new FormatException("conditional groups are not read");
            }
            // Options: (?imnsx-imnsx) or (?imnsx-imnsx:...). With x, white space and # comments are not literals.
            var on = true;
            for (; j < p.Length && (char.IsAsciiLetter(p[j]) || p[j] == '-'); j++)
            {
                if (p[j] == '-') on = false;
                else if (p[j] == 'x' && on) throw new FormatException("patterns that ignore white space are not read");
            }
            if (j < p.Length && p[j] is ':' or ')') return j + 1;
            throw new FormatException($"an unknown group construct at {i}");
        }
    }
}
