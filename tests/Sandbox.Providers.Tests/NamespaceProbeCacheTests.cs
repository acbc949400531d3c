using Smooth.Sandbox.Providers.Bubblewrap;
using Smooth.TestSupport;

namespace Smooth.Sandbox.Providers.Tests;

/// <summary>The namespace probe runs once per boot and setting; a changed bwrap probes again and a failure is never remembered.</summary>
public sealed class NamespaceProbeCacheTests
{
    [Fact]
    public async Task A_passed_probe_is_remembered_until_bwrap_changes_and_a_failed_one_never_is()
    {
        using var dir = new TempDir("smooth-probe");
        var bwrap = dir.Combine("bwrap");
        var log = dir.Combine("probes.log");
        async Task WriteBwrapAsync(string body)
        {
            await File.WriteAllTextAsync(bwrap, $"#!/bin/sh\necho probe >> '{log}'\n{body}\n");
            File.SetUnixFileMode(bwrap, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        int Probes() => File.Exists(log) ? File.ReadAllLines(log).Length : 0;
        BubblewrapProvider Provider() => new(new BubblewrapOptions { BwrapPath = bwrap, ProbeCacheDir = dir.Combine("cache") });

        await WriteBwrapAsync("exit 0");
        await Provider().EnsureAvailableAsync(CancellationToken.None);
        Assert.Equal(1, Probes());
        await Provider().EnsureAvailableAsync(CancellationToken.None); // a new process's provider: remembered
        Assert.Equal(1, Probes());

        await WriteBwrapAsync("echo 'bwrap: No permissions to create new namespace' >&2; exit 1"); // bwrap replaced
        var e = await Assert.ThrowsAsync<Core.SmoothException>(() => Provider().EnsureAvailableAsync(CancellationToken.None));
        Assert.Contains("No permissions", e.Message);
        Assert.Equal(2, Probes());
        await Assert.ThrowsAsync<Core.SmoothException>(() => Provider().EnsureAvailableAsync(CancellationToken.None));
        Assert.Equal(3, Probes()); // a failure is probed again every time
    }
}
