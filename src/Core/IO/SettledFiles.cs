namespace Smooth.Core.IO;

/// <summary>
/// Tells a hot-reloading reader when a changed set of files may be read. A file caught mid-write (truncated, half of
/// a YAML list) often still parses, and taking it would silently drop rules that the next, broken edit then cannot
/// bring back. So a change counts only once each changed file has stayed as it is for a settle window, and a file
/// that had content and is now empty or gone must stay so for a longer window. Not thread-safe: callers serialise.
/// </summary>
public sealed class SettledFiles
{
    private readonly string[] _paths;
    private readonly TimeSpan _settle;
    private readonly TimeSpan _emptiedSettle;
    private readonly TimeProvider _clock;
    private Dictionary<FileStamp, DateTimeOffset> _firstSeen = [];
    private FileStamp[] _accepted;

    /// <summary>Starts from the files as they are now (the version in force).</summary>
    public SettledFiles(IEnumerable<string> paths, TimeSpan settle, TimeSpan emptiedSettle, TimeProvider? clock = null)
    {
        _paths = [.. paths.Select(Path.GetFullPath)];
        _settle = settle;
        _emptiedSettle = emptiedSettle < settle ? settle : emptiedSettle;
        _clock = clock ?? TimeProvider.System;
        _accepted = Take();
    }

    /// <summary>The stamps of the files now.</summary>
    public FileStamp[] Take() => [.. _paths.Select(FileStamp.Of)];

    /// <summary>True when <paramref name="stamps"/> differ from the version last accepted.</summary>
    public bool Changed(FileStamp[] stamps) => !stamps.AsSpan().SequenceEqual(_accepted);

    /// <summary>
    /// How long to wait before <paramref name="stamps"/> may be read: zero when every changed file has been quiet for
    /// its window, judged by its last write time, or by when this exact version was first seen when the clock and the
    /// file's time disagree.
    /// </summary>
    public TimeSpan WaitBeforeReading(FileStamp[] stamps)
    {
        var now = _clock.GetUtcNow();
        var wait = TimeSpan.Zero;
        var firstSeen = new Dictionary<FileStamp, DateTimeOffset>();
        for (var i = 0; i < stamps.Length; i++)
        {
            var stamp = stamps[i];
            var before = Array.Find(_accepted, s => s.Path == stamp.Path);
            if (stamp == before) continue;
            var window = before is { Length: > 0 } && stamp.Length == 0 ? _emptiedSettle : _settle;
            if (!_firstSeen.TryGetValue(stamp, out var seen)) seen = now;
            firstSeen[stamp] = seen;
            var quiet = now - seen;
            // A write time in the past (and not ahead of the clock) says how long the file has been quiet already; an
            // empty or removed file proves nothing by it: only watching it stay so counts.
            if (stamp.Length > 0 && stamp.Written <= now && now - stamp.Written > quiet) quiet = now - stamp.Written;
            if (quiet < window && window - quiet > wait) wait = window - quiet;
        }
        _firstSeen = firstSeen; // versions no longer current are forgotten
        return wait;
    }

    /// <summary>True when the files still match <paramref name="stamps"/> (nothing was written while they were read).</summary>
    public bool Unchanged(FileStamp[] stamps) => Take().AsSpan().SequenceEqual(stamps);

    /// <summary>Records <paramref name="stamps"/> as the version now in force (or refused, so it is reported once).</summary>
    public void Accept(FileStamp[] stamps)
    {
        _accepted = stamps;
        _firstSeen = [];
    }
}

/// <summary>What identifies one version of a file: existence, last write time and length (length 0 when missing).</summary>
public readonly record struct FileStamp(string Path, bool Exists, DateTimeOffset Written, long Length)
{
    /// <summary>The stamp of <paramref name="path"/> now.</summary>
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(path, true, info.LastWriteTimeUtc, info.Length) : new FileStamp(path, false, default, 0);
    }
}
