using System.Text;
using System.Text.RegularExpressions;

namespace Smooth.Surveillance.Guards;

/// <summary>
/// A path glob, matched case-insensitively against a normalised workspace-relative path: <c>**</c> crosses
/// directories, <c>*</c> and <c>?</c> do not; a glob without a slash matches the file name at any depth.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex _regex;

    private PathGlob(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    /// <summary>The glob as written.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="glob"/>; throws <see cref="ArgumentException"/> when it is empty.</summary>
    public static PathGlob Parse(string glob)
    {
        var g = glob.Trim().Replace('\\', '/');
        if (g.Length == 0) throw new ArgumentException("empty path glob");
        if (g.StartsWith("./", StringComparison.Ordinal)) g = g[2..];
        if (g.StartsWith('/')) g = g[1..];
        if (!g.Contains('/')) g = "**/" + g;
        var sb = new StringBuilder("^");
        for (var i = 0; i < g.Length; i++)
        {
            var c = g[i];
            if (c == '*' && i + 1 < g.Length && g[i + 1] == '*')
            {
                var slashAfter = i + 2 < g.Length && g[i + 2] == '/';
                sb.Append(slashAfter ? "(.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(c.ToString()));
        }
        sb.Append('$');
        return new PathGlob(glob, new Regex(sb.ToString(),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
    }

    /// <summary>True when the normalised relative path matches.</summary>
    public bool IsMatch(string normalizedPath) => _regex.IsMatch(normalizedPath);

    /// <inheritdoc />
    public override string ToString() => Text;
}
