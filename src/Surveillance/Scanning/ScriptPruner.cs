using System.Text;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Cuts from a pattern what a text without the letters of some scripts cannot match: the alternatives (at any depth)
/// that need such a letter (not optional, not inside a group that may be skipped), and such letters where they are
/// optional or members of a character class. In a text without any of those letters or their case variants, the cut
/// pattern matches exactly where the whole one does. The linear engine's build cost grows with the distinct
/// characters a pattern holds, non-ASCII ones most (each splits the large Unicode class of word characters), and the
/// multilingual vocabulary holds hundreds: a pattern cut down to the scripts a passage contains is built in a fraction
/// of the time and memory.
/// </summary>
internal static class ScriptPruner
{
    /// <summary>What a pattern that can never match is cut down to.</summary>
    public const string Never = @"[^\s\S]";

    /// <summary>
    /// <paramref name="pattern"/> cut to the scripts in <paramref name="keep"/> (scripts as numbered by
    /// <paramref name="scriptOf"/>, bit s-1 for script s; 0 for characters that are never cut); <see cref="Never"/> when
    /// nothing is left. Throws <see cref="FormatException"/> on a construct it does not read.
    /// </summary>
    public static string Prune(string pattern, ulong keep, Func<char, int> scriptOf) =>
        new Reader(pattern, keep, scriptOf, null).Read() ?? Never;

    /// <summary>Calls <paramref name="visit"/> with every character a cut can take out (the non-ASCII letters it reads).</summary>
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

        // One branch up to '|', ')' or the end; cut as a whole when it needs a letter, a class or a group that can
        // match nothing in the text.
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
                    var kept = Class(_i, end);
                    _i = end;
                    if (kept is not null) sb.Append(kept);
                    else if (!SkipOptionalQuantifier()) cut = true;
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
                    cut |= inner is null && !Quantifier(_i, out _, out _);
                }
                else
                {
                    _i++;
                    if (c >= 128 && Gone(c))
                    {
                        // A letter the text cannot hold: an optional one matches nothing, a needed one cuts the branch.
                        if (!SkipOptionalQuantifier()) cut = true;
                        continue;
                    }
                    sb.Append(c);
                }
            }
            return (sb.ToString(), cut);
        }

        private bool Gone(char letter)
        {
            visit?.Invoke(letter);
            var script = scriptOf(letter);
            return script != 0 && (keep & (1UL << (script - 1))) == 0;
        }

        // Skips the quantifier at _i when it lets its atom match nothing (? * {0} {0,} {0,n}, lazy or not).
        private bool SkipOptionalQuantifier()
        {
            if (!Quantifier(_i, out var min, out var end) || min != 0) return false;
            _i = end;
            return true;
        }

        // A quantifier at p[i]: its minimum and the index after it (and after a lazy '?').
        private bool Quantifier(int i, out int min, out int end)
        {
            min = 1;
            end = i;
            if (i >= p.Length) return false;
            switch (p[i])
            {
                case '?' or '*':
                    min = 0;
                    end = i + 1;
                    break;
                case '+':
                    end = i + 1;
                    break;
                case '{':
                    var close = p.IndexOf('}', i);
                    if (close < 0) return false;
                    var bounds = p.AsSpan(i + 1, close - i - 1);
                    var comma = bounds.IndexOf(',');
                    var first = comma < 0 ? bounds : bounds[..comma];
                    var rest = comma < 0 ? [] : bounds[(comma + 1)..];
                    // Not a quantifier unless {n}, {n,} or {n,m}: .NET reads "{,3}" or "{a}" as literal text.
                    if (first.Length == 0 || !int.TryParse(first, System.Globalization.NumberStyles.None, null, out min)) return false;
                    if (rest.Length > 0 && !int.TryParse(rest, System.Globalization.NumberStyles.None, null, out _)) return false;
                    end = close + 1;
                    break;
                default:
                    return false;
            }
            if (end < p.Length && p[end] == '?') end++;
            return true;
        }

        // A character class p[start..end) without the members the text cannot hold; null when it can match nothing.
        private string? Class(int start, int end)
        {
            var i = start + 1;
            var negated = i < end && p[i] == '^';
            if (negated) i++;
            var members = new List<string>();
            var removed = false;
            var last = end - 1; // the closing ']'
            while (i < last)
            {
                if (p[i] == '-' && i + 1 < last && p[i + 1] == '[') return p[start..end]; // subtraction: kept as it is
                var member = Member(ref i);
                if (i < last - 1 && p[i] == '-' && p[i + 1] is not (']' or '['))
                {
                    // A range: kept as it is.
                    i++;
                    var high = Member(ref i);
                    members.Add(member + "-" + high);
                    continue;
                }
                if (member.Length == 1 && member[0] >= 128 && Gone(member[0]))
                {
                    removed = true;
                    continue;
                }
                members.Add(member);
            }
            if (!removed) return p[start..end];
            if (members.Count == 0) return negated ? @"[\s\S]" : null;
            // A '^' that has become first would turn the class around.
            if (!negated && members[0] == "^") members[0] = @"\^";
            return "[" + (negated ? "^" : "") + string.Concat(members) + "]";
        }

        // One member of a class at p[i]: a character or an escape (\x, \uXXXX, \xXX, \cX, \p{...}).
        private string Member(ref int i)
        {
            var from = i;
            if (p[i] != '\\')
            {
                i++;
                return p[from..i];
            }
            i += 2;
            switch (p[i - 1])
            {
                case 'u':
                    i += 4;
                    break;
                case 'x':
                    i += 2;
                    break;
                case 'c':
                    i += 1;
                    break;
                case 'p' or 'P':
                    var close = p.IndexOf('}', i);
                    i = close < 0 ? throw new FormatException("a category is not closed") : close + 1;
                    break;
            }
            return p[from..i];
        }

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
