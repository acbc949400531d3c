using Smooth.Core;

namespace Smooth.Sandbox.Diffs;

/// <summary>
/// Checks that a path taken from a bundle or a diff stays strictly inside its root: relative, no <c>..</c>, no
/// empty or dot segments, no NUL or control characters, nothing inside <c>.git</c> or <c>.smooth</c>, and (when a root
/// is given) still inside it after resolving every symlink on the way.
/// </summary>
public static class PathGuard
{
    /// <summary>Throws a <see cref="SmoothException"/> naming <paramref name="what"/> when <paramref name="path"/> is unsafe.</summary>
    public static void Check(string path, string what, string? root = null)
    {
        if (string.IsNullOrEmpty(path)) throw Bad(what, path, "it is empty");
        if (path.Length > 4096) throw Bad(what, path[..64] + "…", "it is longer than 4096 characters");
        if (path.Any(c => c == '\0' || char.IsControl(c))) throw Bad(what, Printable(path), "it contains a NUL or control character");
        if (path.StartsWith('/') || path.StartsWith('\\') || (path.Length > 1 && path[1] == ':')) throw Bad(what, path, "it is absolute");
        foreach (var segment in path.Split('/', '\\'))
        {
            if (segment is "" or "." or "..") throw Bad(what, path, "it has an empty, '.' or '..' segment");
            if (segment.Equals(".git", StringComparison.OrdinalIgnoreCase)) throw Bad(what, path, "it points into .git");
        }
        if (path.Split('/')[0].Equals(".smooth", StringComparison.OrdinalIgnoreCase)) throw Bad(what, path, "it points into .smooth (Smooth's own state)");
        if (root is not null)
        {
            var full = Path.GetFullPath(Path.Combine(root, path));
            var rootFull = Path.GetFullPath(root).TrimEnd('/') + "/";
            if (!full.StartsWith(rootFull, StringComparison.Ordinal)) throw Bad(what, path, "it resolves outside its root");
            // Refuse a path whose parent directories are symlinks: following them could leave the root.
            for (var dir = Path.GetDirectoryName(full); dir is not null && dir.Length >= rootFull.Length; dir = Path.GetDirectoryName(dir))
            {
                var info = new DirectoryInfo(dir);
                if (info.Exists && info.LinkTarget is not null) throw Bad(what, path, $"its parent '{Path.GetRelativePath(root, dir)}' is a symlink");
            }
        }
    }

    private static string Printable(string s) => new(s.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static SmoothException Bad(string what, string path, string why) =>
        new($"{what} '{path}' is refused: {why}", "the bundle is rejected as a whole; nothing was changed", ExitCodes.BadInput);
}
