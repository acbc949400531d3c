namespace Smooth.Operator.Tools.Files;

/// <summary>Enumerates workspace files (relative paths, sorted), skipping <c>.git</c> and not following symlinks.</summary>
public static class WorkspaceWalk
{
    /// <summary>Files under <paramref name="root"/> in a stable order.</summary>
    public static IEnumerable<string> Files(string root)
    {
        var stack = new Stack<string>();
        stack.Push(root);
        var all = new List<string>();
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(dir).EnumerateFileSystemInfos();
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var e in entries)
            {
                if (e.Name == ".git") continue;
                if (e is DirectoryInfo d && d.LinkTarget is null) stack.Push(d.FullName);
                else if (e is FileInfo) all.Add(Path.GetRelativePath(root, e.FullName).Replace('\\', '/'));
            }
        }
        all.Sort(StringComparer.Ordinal);
        return all;
    }
}
