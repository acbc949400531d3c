using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Providers.Direct;

namespace Smooth.Sandbox.Providers.Tests;

/// <summary>The direct provider: a host process in the workspace with only the explicit environment and the limits it can enforce.</summary>
public sealed class DirectProviderTests
{
    private readonly DirectProvider _provider = new();

    [Fact]
    public async Task Runs_in_the_workspace_with_only_the_explicit_environment()
    {
        using var h = new SandboxHarness();
        Environment.SetEnvironmentVariable("SMOOTH_DIRECT_TEST_SECRET", "direct-secret");
        var execution = h.Execution(["/bin/sh", "-c", "pwd; env | sort"]) with
        {
            RunId = "r1", SandboxId = "s1", Environment = new Dictionary<string, string> { ["FOO"] = "bar", ["PATH"] = "/usr/bin:/bin" },
        };
        var r = await _provider.RunAsync(execution, CancellationToken.None);
        Assert.Equal(SandboxStatus.Finished, r.Status);
        Assert.StartsWith(h.Workspace + "\n", r.StandardOutput);
        Assert.Contains("FOO=bar", r.StandardOutput);
        Assert.Contains("SMOOTH_SANDBOX_LINEAGE=r1/s1/1", r.StandardOutput);
        Assert.DoesNotContain("direct-secret", r.StandardOutput);
    }

    [Fact]
    public async Task Timeout_and_output_limits_are_reported()
    {
        using var h = new SandboxHarness();
        var timedOut = await h.ShAsync(_provider, "sleep 600", new SandboxLimits { Timeout = TimeSpan.FromSeconds(1) });
        Assert.Equal(LimitHit.Timeout, timedOut.LimitHit);
        var loud = await h.ShAsync(_provider, "yes", new SandboxLimits { Timeout = TimeSpan.FromSeconds(60), MaxOutputBytes = 10_000 });
        Assert.Equal(LimitHit.Output, loud.LimitHit);
        Assert.True(loud.StandardOutput.Length <= 10_000);
    }

    [Fact]
    public async Task A_missing_program_is_a_clear_error()
    {
        using var h = new SandboxHarness();
        var e = await Assert.ThrowsAsync<Core.SmoothException>(() => _provider.RunAsync(h.Execution(["/no/such/program"]), CancellationToken.None));
        Assert.Contains("could not start", e.Message);
    }
}
