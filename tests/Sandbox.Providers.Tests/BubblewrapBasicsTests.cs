using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Providers.Bubblewrap;

namespace Smooth.Sandbox.Providers.Tests;

public sealed class BubblewrapBasicsTests
{
    private readonly BubblewrapProvider _provider = new();

    [Fact]
    public async Task Runs_the_command_in_the_workspace_as_a_non_root_user_with_no_capabilities()
    {
        using var h = new SandboxHarness();
        File.WriteAllText(Path.Combine(h.Workspace, "in.txt"), "hello");
        var r = await h.ShAsync(_provider, "pwd; id -u; cat in.txt; echo; grep CapEff /proc/self/status; echo out > out.txt");
        Assert.Equal(SandboxStatus.Finished, r.Status);
        Assert.Equal(0, r.ExitCode);
        var lines = r.StandardOutput.Split('\n');
        Assert.Equal("/workspace", lines[0]);
        Assert.Equal("1000", lines[1]);
        Assert.Equal("hello", lines[2]);
        Assert.Contains("CapEff:\t0000000000000000", r.StandardOutput);
        Assert.Equal("out\n", File.ReadAllText(Path.Combine(h.Workspace, "out.txt")));
    }

    [Fact]
    public async Task Reports_the_commands_own_exit_code()
    {
        using var h = new SandboxHarness();
        var r = await h.ShAsync(_provider, "echo err >&2; exit 7");
        Assert.Equal(SandboxStatus.Finished, r.Status);
        Assert.Equal(7, r.ExitCode);
        Assert.Null(r.LimitHit);
        Assert.Equal("err\n", r.StandardError);
    }

    [Fact]
    public async Task Environment_is_exactly_the_executions_plus_lineage()
    {
        using var h = new SandboxHarness();
        Environment.SetEnvironmentVariable("SMOOTH_TEST_HOST_SECRET", "s3cr3t-parent-env");
        var execution = h.Execution(["/usr/bin/env"]) with
        {
            RunId = "runA", SandboxId = "sbxB", Lineage = new SandboxLineage("p", "q", 2),
            Environment = new Dictionary<string, string> { ["FOO"] = "bar" },
        };
        var r = await _provider.RunAsync(execution, CancellationToken.None);
        Assert.True(r.ExitCode == 0, r.StandardError + r.Message);
        var vars = r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ToArray();
        // bwrap itself sets PWD for --chdir; nothing of the host (the secret above) comes in.
        Assert.Equal(["FOO=bar", "PWD=/workspace", "SMOOTH_SANDBOX_LINEAGE=runA/sbxB/3"], vars);
    }

    [Fact]
    public async Task Streams_output_lines_as_they_come()
    {
        using var h = new SandboxHarness();
        var lines = new List<string>();
        var execution = h.Execution(["/bin/sh", "-c", "echo one; echo two; printf three"]) with { OnStandardOutput = lines.Add };
        await _provider.RunAsync(execution, CancellationToken.None);
        Assert.Equal(["one", "two", "three"], lines);
    }

    [Fact]
    public async Task Mounts_are_exposed_read_only_or_read_write_as_asked()
    {
        using var h = new SandboxHarness();
        var ro = Path.Combine(h.Root, "ro");
        var rw = Path.Combine(h.Root, "rw");
        Directory.CreateDirectory(ro);
        Directory.CreateDirectory(rw);
        File.WriteAllText(Path.Combine(ro, "f"), "ro-content");
        var r = await h.ShAsync(_provider, "cat /opt/smooth/f; echo x > /opt/smooth/g && echo WROTE-RO; echo y > /run/smooth/rw/g && echo WROTE-RW",
            mounts: [new SandboxMount(ro, "/opt/smooth"), new SandboxMount(rw, "/run/smooth/rw", ReadOnly: false)]);
        Assert.Contains("ro-content", r.StandardOutput);
        Assert.DoesNotContain("WROTE-RO", r.StandardOutput);
        Assert.Contains("WROTE-RW", r.StandardOutput);
        Assert.False(File.Exists(Path.Combine(ro, "g")));
        Assert.Equal("y\n", File.ReadAllText(Path.Combine(rw, "g")));
    }

    [Fact]
    public async Task Cleanup_is_safe_twice_and_bad_input_is_refused()
    {
        using var h = new SandboxHarness();
        var execution = h.Execution(["true"]);
        await _provider.CleanupAsync(execution, CancellationToken.None);
        await _provider.CleanupAsync(execution, CancellationToken.None);
        var e = await Assert.ThrowsAsync<Core.SmoothException>(() => _provider.RunAsync(h.Execution([]), CancellationToken.None));
        Assert.Contains("empty", e.Message);
        e = await Assert.ThrowsAsync<Core.SmoothException>(() => _provider.RunAsync(h.Execution(["true"]) with { WorkspacePath = "/nonexistent-ws" }, CancellationToken.None));
        Assert.Contains("workspace", e.Message);
    }

    [Fact]
    public async Task Missing_bwrap_is_a_clear_error_naming_the_package()
    {
        var provider = new BubblewrapProvider(new BubblewrapOptions { BwrapPath = "bwrap-does-not-exist" });
        var e = await Assert.ThrowsAsync<Core.SmoothException>(() => provider.EnsureAvailableAsync(CancellationToken.None));
        Assert.Contains("apt-get install bubblewrap", e.Hint);
    }

    [Fact]
    public async Task Only_the_standard_descriptors_reach_the_command()
    {
        using var h = new SandboxHarness();
        var r = await h.ShAsync(_provider, "ls /proc/self/fd");
        // 0-2 plus the descriptor ls itself opened for the listing.
        Assert.Equal(["0", "1", "2", "3"], r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
