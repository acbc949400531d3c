namespace Smooth.Surveillance.Guards;

/// <summary>
/// Turns a path as a tool call gives it into a canonical workspace-relative form, so that
/// <c>a/../.git/hooks/x</c>, <c>./.git//hooks/x</c> and <c>/workspace/.git/hooks/x</c> all become <c>.git/hooks/x</c>.
/// </summary>
public static class PathNormalizer
{
    /// <summary>
    /// Normalises <paramref name="path"/> against <paramref name="workspaceRoot"/>. <paramref name="escapes"/> is true
    /// when the path leaves the workspace (climbs above it, or is absolute elsewhere, or starts at <c>~</c>).
    /// </summary>
    public static string Normalize(string path, string workspaceRoot, out bool escapes)
    {
        escapes = false;
        var p = path.Replace('\\', '/').Trim();
        var root = workspaceRoot.Replace('\\', '/').TrimEnd('/');
        if (p.StartsWith('~'))
        {
            escapes = true;
        }
        else if (p.StartsWith('/'))
        {
            var resolvedRoot = Resolve(root, out _);
            var resolved = Resolve(p, out _);
            if (resolvedRoot.Length > 0 && (resolved == resolvedRoot || resolved.StartsWith(resolvedRoot + "/", StringComparison.Ordinal)))
            {
                return resolved.Length == resolvedRoot.Length ? "" : resolved[(resolvedRoot.Length + 1)..];
            }
            escapes = true;
            return resolved;
        }
        var relative = Resolve(p, out var climbed);
        escapes |= climbed;
        return relative;
    }

    // Collapses empty, "." and ".." segments; climbed is true when ".." went above the start.
    private static string Resolve(string path, out bool climbed)
    {
        climbed = false;
        var parts = new List<string>();
        foreach (var seg in path.Split('/'))
        {
            if (seg.Length == 0 || seg == ".") continue;
            if (seg == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                else climbed = true;
                continue;
            }
            parts.Add(seg);
        }
        return string.Join('/', parts);
    }
}
