namespace Smooth.Operator.Tools.Files;

/// <summary>The file paths a unified diff touches (old and new sides), for the path guard and the write checks.</summary>
public static class PatchPaths
{
    /// <summary>Every path named by <c>---</c>/<c>+++</c> headers, <c>diff --git</c> lines and rename/copy lines.</summary>
    public static IReadOnlyList<string> Extract(string patch)
    {
        var paths = new List<string>();
        foreach (var raw in patch.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                Add(paths, StripPrefix(line[4..].Split('\t')[0].Trim()));
            }
            else if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                foreach (var part in line[11..].Split(' ', StringSplitOptions.RemoveEmptyEntries)) Add(paths, StripPrefix(part));
            }
            else if (line.StartsWith("rename from ", StringComparison.Ordinal) || line.StartsWith("copy from ", StringComparison.Ordinal))
            {
                Add(paths, line[(line.IndexOf(" from ", StringComparison.Ordinal) + 6)..]);
            }
            else if (line.StartsWith("rename to ", StringComparison.Ordinal) || line.StartsWith("copy to ", StringComparison.Ordinal))
            {
                Add(paths, line[(line.IndexOf(" to ", StringComparison.Ordinal) + 4)..]);
            }
        }
        return paths.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Add(List<string> paths, string path)
    {
        if (path.Length > 0 && path != "/dev/null") paths.Add(path.Trim('"'));
    }

    private static string StripPrefix(string path) =>
        path.StartsWith("a/", StringComparison.Ordinal) || path.StartsWith("b/", StringComparison.Ordinal) ? path[2..] : path;
}
