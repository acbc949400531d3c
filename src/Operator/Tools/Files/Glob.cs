using System.Text;
using System.Text.RegularExpressions;

namespace Smooth.Operator.Tools.Files;

/// <summary>Glob patterns (<c>*</c>, <c>**</c>, <c>?</c>, <c>{a,b}</c>) as non-backtracking regular expressions.</summary>
public static class Glob
{
    /// <summary>Compiles <paramref name="pattern"/>; a pattern without a slash matches file names at any depth.</summary>
    public static Regex Compile(string pattern)
    {
        if (!pattern.Contains('/')) pattern = "**/" + pattern;
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                        sb.Append("(?:.*/)?");
                    }
                    else
                    {
                        sb.Append(".*");
                    }
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '{':
                    var end = pattern.IndexOf('}', i);
                    if (end < 0) throw new Tools.ToolException($"unclosed '{{' in the glob '{pattern}'");
                    sb.Append("(?:").Append(string.Join('|', pattern[(i + 1)..end].Split(',').Select(Regex.Escape))).Append(')');
                    i = end;
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        sb.Append('$');
        return new Regex(sb.ToString(), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
    }
}
