using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Providers.Bubblewrap;

namespace Smooth.Sandbox.Providers.Tests;

/// <summary>
/// The sandbox is forked by a thread that joins its cgroup for the fork alone: the sandbox starts inside its limits,
/// sees nothing of the host's cgroup names, and the forking thread goes back where it was.
/// </summary>
[Collection(nameof(ForksAloneCollection))]
public sealed class BubblewrapCgroupTests
{
    private readonly BubblewrapProvider _provider = new();

    [Fact]
    public async Task The_sandbox_sees_its_own_cgroup_as_the_root()
    {
        using var h = new SandboxHarness();
        var r = await h.ShAsync(_provider, "cat /proc/self/cgroup");
        Assert.Equal(SandboxStatus.Finished, r.Status);
        var lines = r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Attached after its cgroup namespace was made, the sandbox saw "/smooth-run-…-sb-1" here: its run id and
        // where the host keeps it.
        Assert.Contains(lines, l => l.EndsWith(":memory:/", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(":pids:/", StringComparison.Ordinal));
        Assert.DoesNotContain("smooth-", r.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_thread_of_the_host_process_stays_in_a_sandbox_cgroup()
    {
        using var h = new SandboxHarness();
        for (var i = 0; i < 3; i++)
        {
            var r = await h.ShAsync(_provider, "true");
            Assert.Equal(SandboxStatus.Finished, r.Status);
        }
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            string text;
            try { text = await File.ReadAllTextAsync(Path.Combine(task, "cgroup")); }
            catch (IOException) { continue; } // the thread ended meanwhile
            Assert.DoesNotContain("smooth-", text, StringComparison.Ordinal);
        }
    }
}
