using Smooth.Core.Processes;
using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Providers.Docker;

namespace Smooth.Sandbox.Providers.Tests;

/// <summary>The docker provider with a real podman (runc, explicit ulimits) and an image built from busybox-static.</summary>
public sealed class DockerProviderTests
{
    private const string Image = "localhost/smooth-test-busybox:1";
    private static readonly Lazy<Task> ImageBuilt = new(() => ProcessRunner.RunCheckedAsync("sh",
        [Path.Combine(AppContext.BaseDirectory, "docker-test-image.sh"), "podman", Image], null, CancellationToken.None));

    private static async Task<DockerProvider> PodmanAsync()
    {
        await ImageBuilt.Value;
        return new DockerProvider(new DockerOptions { Engine = "podman", Image = Image, Runtime = "runc" });
    }

    private static SandboxExecution Sh(SandboxHarness h, string line, SandboxLimits? limits = null) =>
        h.Execution(["/bin/sh", "-c", line], limits, env: new Dictionary<string, string> { ["PATH"] = "/bin", ["FOO"] = "bar" });

    private static async Task<ProviderResult> RunAsync(DockerProvider provider, SandboxExecution execution)
    {
        try
        {
            return await provider.RunAsync(execution, CancellationToken.None);
        }
        finally
        {
            await provider.CleanupAsync(execution, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Runs_in_the_workspace_as_non_root_with_a_read_only_root()
    {
        using var h = new SandboxHarness();
        var provider = await PodmanAsync();
        File.WriteAllText(Path.Combine(h.Workspace, "in.txt"), "hello");
        var r = await RunAsync(provider, Sh(h, "pwd; id -u; cat in.txt; echo; echo $FOO; echo $SMOOTH_SANDBOX_LINEAGE; echo out > out.txt; touch /planted && echo ROOT-WRITABLE; grep CapEff /proc/self/status; exit 3"));
        Assert.Equal(SandboxStatus.Finished, r.Status);
        Assert.Equal(3, r.ExitCode);
        var lines = r.StandardOutput.Split('\n');
        Assert.Equal(["/workspace", "1000", "hello", "bar"], lines[..4]);
        Assert.EndsWith("/sbx1/1", lines[4]);
        Assert.DoesNotContain("ROOT-WRITABLE", r.StandardOutput);
        Assert.Contains("CapEff:\t0000000000000000", r.StandardOutput);
        Assert.Equal("out\n", File.ReadAllText(Path.Combine(h.Workspace, "out.txt")));
    }

    [Fact]
    public async Task Has_no_network()
    {
        using var h = new SandboxHarness();
        var provider = await PodmanAsync();
        var r = await RunAsync(provider, Sh(h, "wget -q -T 5 -O- http://1.1.1.1/ && echo REACHED; nslookup -timeout=2 example.com >/dev/null 2>&1 && echo RESOLVED; echo IFACES; tail -n +3 /proc/net/dev | cut -d: -f1"));
        Assert.DoesNotContain("REACHED", r.StandardOutput);
        Assert.DoesNotContain("RESOLVED", r.StandardOutput);
        Assert.Equal("lo", r.StandardOutput.Split("IFACES")[1].Trim());
    }

    [Fact]
    public async Task Cannot_mount()
    {
        using var h = new SandboxHarness();
        var provider = await PodmanAsync();
        var r = await RunAsync(provider, Sh(h, "mount -t tmpfs none /tmp && echo MOUNTED; mount -o remount,rw / && echo REMOUNTED; true"));
        Assert.DoesNotContain("MOUNTED", r.StandardOutput);
    }

    [Fact]
    public async Task Memory_limit_is_reported()
    {
        using var h = new SandboxHarness();
        var provider = await PodmanAsync();
        var r = await RunAsync(provider, Sh(h, "x=$(head -c 400000000 /dev/zero | tr '\\0' a); echo survived", new SandboxLimits { Timeout = TimeSpan.FromSeconds(120), MemoryBytes = 64L * 1024 * 1024 }));
        Assert.True(r.LimitHit == LimitHit.Memory, $"{r.Status} {r.ExitCode} {r.LimitHit} {r.StandardOutput} {r.StandardError}");
    }

    [Fact]
    public async Task Fork_bomb_is_contained_and_reported()
    {
        using var h = new SandboxHarness();
        var provider = await PodmanAsync();
        // exec, not a fork: at the limit the shell could not start `sleep`, and a container that ends before the
        // provider has found its cgroup is reported by its exit status alone.
        var r = await RunAsync(provider, Sh(h, "bomb() { bomb | bomb & }; bomb; exec sleep 30", new SandboxLimits { Timeout = TimeSpan.FromSeconds(90), MaxProcesses = 64 }));
        Assert.True(r.LimitHit == LimitHit.Processes, $"{r.Status} {r.ExitCode} {r.LimitHit} {r.StandardError}");
    }

    [Fact]
    public async Task Timeout_removes_the_container()
    {
        using var h = new SandboxHarness();
        var provider = await PodmanAsync();
        var execution = Sh(h, "sleep 600", new SandboxLimits { Timeout = TimeSpan.FromSeconds(3) });
        var r = await RunAsync(provider, execution);
        Assert.Equal(LimitHit.Timeout, r.LimitHit);
        var ps = await ProcessRunner.RunAsync("podman", ["ps", "-a", "--format", "{{.Names}}"], null, CancellationToken.None);
        Assert.DoesNotContain(execution.RunId, ps.StandardOutput);
    }

    [Fact]
    public async Task Missing_engine_is_a_clear_error()
    {
        var provider = new DockerProvider(new DockerOptions { Engine = "no-such-container-engine" });
        var e = await Assert.ThrowsAsync<Core.SmoothException>(() => provider.EnsureAvailableAsync(CancellationToken.None));
        Assert.Contains("not installed", e.Message);
        Assert.Contains("podman", e.Hint);
    }
}
