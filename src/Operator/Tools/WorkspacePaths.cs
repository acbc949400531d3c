namespace Smooth.Operator.Tools;

/// <summary>
/// Keeps file tools inside the workspace, also in direct mode where no sandbox would stop them: a path is resolved
/// against the root, every existing component's symlink is followed, and the result must stay under the root.
/// </summary>
public sealed class WorkspacePaths
{
    /// <summary>Creates the guard for <paramref name="root"/> (resolved once, symlinks included).</summary>
    public WorkspacePaths(string root)
    {
        var full = Path.GetFullPath(root);
        Root = ResolveExisting(full).TrimEnd('/');
        if (Root.Length == 0) Root = "/";
    }

    /// <summary>The resolved workspace root.</summary>
    public string Root { get; }

    /// <summary>The absolute path for <paramref name="path"/> (relative to the root, or absolute inside it).</summary>
    public string Resolve(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ToolException("the path is empty");
        if (path.Contains('\0')) throw new ToolException("the path contains a NUL character");
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Root, path));
        var resolved = ResolveExisting(full);
        if (!IsInside(resolved))
        {
            throw new ToolException($"'{path}' is outside the workspace ({Root}); file tools only work inside it");
        }
        return resolved;
    }

    /// <summary>The path relative to the root, with forward slashes.</summary>
    public string Relative(string absolute) => Path.GetRelativePath(Root, absolute).Replace('\\', '/');

    /// <summary>True when <paramref name="absolute"/> is the root or below it.</summary>
    public bool IsInside(string absolute) =>
        absolute == Root || absolute.StartsWith(Root == "/" ? "/" : Root + "/", StringComparison.Ordinal);

    // Follows symlinks of every component that exists (link targets are resolved the same way, so a link into a
    // linked directory is followed to the end); the non-existent tail is appended as written, after GetFullPath has
    // removed . and .., so creating a new file through a symlinked directory is judged by where it really lands.
    private static string ResolveExisting(string full, int depth = 0)
    {
        if (depth > 40) throw new ToolException("too many levels of symbolic links");
        var parts = full.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = "/";
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } link)
            {
                current = ResolveExisting(Path.GetFullPath(link, current), depth + 1);
                continue;
            }
            if (!info.Exists && !Directory.Exists(next)) return Path.Combine([current, .. parts[i..]]);
            current = next;
        }
        return current;
    }
}
