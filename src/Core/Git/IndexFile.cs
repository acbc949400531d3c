namespace Smooth.Core.Git;

/// <summary>
/// Copies of git index files. A copy keeps the original's modification time: git decides which cached file stats it
/// may trust ("racily clean" entries) by comparing them with the index file's own time, so a copy stamped later would
/// let a file changed in the same second as the original index pass as unchanged.
/// </summary>
public static class IndexFile
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> with its time; false when there is no source.</summary>
    public static bool TryCopy(string source, string destination)
    {
        DateTime written;
        try
        {
            written = File.GetLastWriteTimeUtc(source);
            File.Copy(source, destination, overwrite: true);
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        if (written.Year < 1700)
        {
            // GetLastWriteTimeUtc answers 1601-01-01 for a missing file instead of throwing; it vanished before the copy.
            File.Delete(destination);
            return false;
        }
        // .NET keeps 100 ns ticks: the copy's time rounds down, which only makes more entries racy (checked by content).
        File.SetLastWriteTimeUtc(destination, written);
        return true;
    }
}
