namespace Smooth.Core.IO;

/// <summary>Writes files so that readers see either the old content or the new, never half of it.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to a temporary file beside <paramref name="path"/>, then renames it over.</summary>
    public static async Task WriteAllTextAsync(string path, string content, CancellationToken ct, UnixFileMode? mode = null)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (mode is { } m && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = m;
            }
            await using (var stream = new FileStream(tmp, options))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(content.AsMemory(), ct);
                await writer.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
