namespace Smooth.Sandbox.Runs;

/// <summary>
/// Removes a directory tree an agent has had its hands on. Symbolic links are removed, never followed (a link to
/// <c>/</c> or the user's home must not take them along), and directories the agent made unreadable or unwritable
/// (<c>chmod 000</c>) are opened up first, since the owner may always change a mode.
/// </summary>
internal static class OwnedTree
{
    /// <summary>
    /// The bytes under <paramref name="path"/> that can be read as it is (links counted as links, directories the agent
    /// locked left out); changes nothing, so a dry run can report it. 0 when it does not exist.
    /// </summary>
    public static long Size(string path)
    {
        if (!Directory.Exists(path)) return 0;
        long total = 0;
        foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true }))
        {
            if (entry is FileInfo { LinkTarget: null } file) total += file.Length;
        }
        return total;
    }

    /// <summary>Deletes <paramref name="path"/> and everything under it, nothing outside it; returns the bytes freed.</summary>
    public static long Delete(string path)
    {
        if (!Directory.Exists(path)) return 0;
        Unlock(path);
        var size = Size(path);
        Directory.Delete(path, recursive: true);
        return size;
    }

    // Gives every real directory under path (not through links) owner rwx, top down, so its entries can be listed and removed.
    private static void Unlock(string path)
    {
        var pending = new Stack<string>();
        pending.Push(path);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            var info = new DirectoryInfo(dir);
            if (info.LinkTarget is not null) continue;
            var mode = info.UnixFileMode;
            const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            if ((mode & Owner) != Owner) File.SetUnixFileMode(dir, mode | Owner);
            foreach (var child in info.EnumerateDirectories("*", new EnumerationOptions { AttributesToSkip = 0 }))
            {
                if (child.LinkTarget is null) pending.Push(child.FullName);
            }
        }
    }
}
