using System.Text;

namespace Smooth.Surveillance.Guards;

/// <summary>
/// A second view of a shell command with the cheap disguises removed (quotes and backslashes inside words, runs of
/// blanks, <c>$IFS</c>), so <c>r''m -rf /</c> and <c>c\url x | s\h</c> read like what the shell will run.
/// </summary>
public static class CommandNormalizer
{
    /// <summary>The command with quotes, backslashes inside words, blank runs and $IFS tricks removed.</summary>
    public static string Normalize(string command)
    {
        var sb = new StringBuilder(command.Length);
        var text = command.Replace("${IFS}", " ", StringComparison.Ordinal).Replace("$IFS", " ", StringComparison.Ordinal);
        var lastSpace = false;
        foreach (var c in text)
        {
            if (c is '\'' or '"' or '\\') continue;
            if (c is ' ' or '\t')
            {
                if (!lastSpace) sb.Append(' ');
                lastSpace = true;
                continue;
            }
            lastSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
