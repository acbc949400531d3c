using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Providers.Bubblewrap;
using Smooth.Sandbox.Providers.Direct;

namespace Smooth.Sandbox.Providers.Tests;

/// <summary>
/// Kernel features that reach past the sandbox's namespaces, refused by the seccomp filter. Each probe is also run on
/// the host through the direct provider, proving the probe really succeeds when nothing refuses it.
/// </summary>
public sealed class BubblewrapKernelEscapeTests
{
    private readonly BubblewrapProvider _provider = new();

    public static TheoryData<string> RefusedEverywhere => ["ptrace", "vmread", "userns", "clone-userns", "mount", "io_uring", "keyctl"];

    [Theory]
    [MemberData(nameof(RefusedEverywhere))]
    public async Task Seccomp_refuses_and_the_same_probe_works_on_the_host(string mode)
    {
        using var h = new SandboxHarness();
        var probe = await Probe.InstallAsync(h.Workspace);

        var inside = await _provider.RunAsync(h.Execution([probe, mode]), CancellationToken.None);
        Assert.Equal(SandboxStatus.Finished, inside.Status);
        Assert.StartsWith("DENIED 1 ", inside.StandardOutput); // EPERM from the filter.

        var host = await new DirectProvider().RunAsync(h.Execution([Path.Combine(h.Workspace, "probe"), mode]), CancellationToken.None);
        Assert.Equal("OK\n", host.StandardOutput);
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("userfaultfd")]
    [InlineData("perf")]
    public async Task Seccomp_refuses_bpf_userfaultfd_and_perf(string mode)
    {
        using var h = new SandboxHarness();
        var probe = await Probe.InstallAsync(h.Workspace);
        var inside = await _provider.RunAsync(h.Execution([probe, mode]), CancellationToken.None);
        Assert.StartsWith("DENIED 1 ", inside.StandardOutput);
    }

    [Fact]
    public async Task The_unshare_tool_cannot_create_a_user_namespace()
    {
        using var h = new SandboxHarness();
        var r = await h.ShAsync(_provider, "unshare -Ur true && echo ESCAPED");
        Assert.DoesNotContain("ESCAPED", r.StandardOutput);
        Assert.NotEqual(0, r.ExitCode);
    }

    [Fact]
    public async Task Allow_nested_lets_the_command_create_namespaces()
    {
        using var h = new SandboxHarness();
        var probe = await Probe.InstallAsync(h.Workspace);
        var r = await _provider.RunAsync(h.Execution([probe, "userns"]) with { AllowNested = true }, CancellationToken.None);
        Assert.Equal("OK\n", r.StandardOutput);
    }
}
