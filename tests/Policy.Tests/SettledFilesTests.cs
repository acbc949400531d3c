using Smooth.Core.IO;
using Smooth.TestSupport;

namespace Smooth.Policy.Tests;

/// <summary>When a hot-reloading reader may read a changed file: only once it has stopped changing.</summary>
public sealed class SettledFilesTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Emptied = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_file_just_written_is_read_only_after_the_settle_window()
    {
        using var dir = new TempDir();
        var file = dir.Combine("policy.yaml");
        var clock = new ManualClock();
        var settle = new SettledFiles([file], Settle, Emptied, clock);
        Assert.False(settle.Changed(settle.Take()));

        await File.WriteAllTextAsync(file, "tools:\n  deny: [http_fetch]\n");
        File.SetLastWriteTimeUtc(file, clock.GetUtcNow().UtcDateTime);
        var stamps = settle.Take();
        Assert.True(settle.Changed(stamps));
        Assert.Equal(Settle, settle.WaitBeforeReading(stamps));
        clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(TimeSpan.FromMilliseconds(100), settle.WaitBeforeReading(stamps));
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(TimeSpan.Zero, settle.WaitBeforeReading(stamps));

        settle.Accept(stamps);
        Assert.False(settle.Changed(settle.Take()));
        await File.AppendAllTextAsync(file, "commands:\n");
        Assert.False(settle.Unchanged(stamps)); // a write during a read is noticed
    }

    [Fact]
    public async Task A_file_that_was_emptied_or_removed_must_stay_so_for_the_longer_window()
    {
        using var dir = new TempDir();
        var file = dir.Combine("policy.yaml");
        await File.WriteAllTextAsync(file, "tools:\n  deny: [http_fetch]\n");
        var clock = new ManualClock();
        var settle = new SettledFiles([file], Settle, Emptied, clock);

        await File.WriteAllTextAsync(file, "");
        File.SetLastWriteTimeUtc(file, clock.GetUtcNow().UtcDateTime.AddHours(-1)); // an old write time proves nothing here
        var empty = settle.Take();
        Assert.Equal(Emptied, settle.WaitBeforeReading(empty));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(1), settle.WaitBeforeReading(empty));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, settle.WaitBeforeReading(empty));

        File.Delete(file);
        var gone = settle.Take();
        Assert.Equal(Emptied, settle.WaitBeforeReading(gone)); // a new version starts its own window
    }

    [Fact]
    public async Task A_write_time_ahead_of_the_clock_is_judged_by_watching()
    {
        using var dir = new TempDir();
        var file = dir.Combine("surveillance.yaml");
        var clock = new ManualClock();
        var settle = new SettledFiles([file], Settle, Emptied, clock);
        await File.WriteAllTextAsync(file, "rules: []\n");
        File.SetLastWriteTimeUtc(file, clock.GetUtcNow().UtcDateTime.AddHours(1));
        var stamps = settle.Take();
        Assert.Equal(Settle, settle.WaitBeforeReading(stamps));
        clock.Advance(Settle);
        Assert.Equal(TimeSpan.Zero, settle.WaitBeforeReading(stamps));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
