using System.Text.Json;
using Smooth.Core.Processes;
using Smooth.TestSupport;

namespace Smooth.Sandbox.Tests;

/// <summary><c>th sandbox run --provider docker</c> with a real podman and an image built from the host's busybox.</summary>
public sealed class DockerSandboxCliTests
{
    private static readonly Dictionary<string, string?> Podman = new()
    {
        ["SMOOTH_DOCKER_ENGINE"] = "podman",
        ["SMOOTH_DOCKER_RUNTIME"] = "runc",
        ["SMOOTH_DOCKER_IMAGE"] = "localhost/smooth-test-busybox:1",
    };

    [Fact]
    public async Task A_podman_run_brings_its_changes_back_for_review_without_network()
    {
        await ProcessRunner.RunCheckedAsync("sh", [Path.Combine(Th.RepoRoot, "tests", "docker-test-image.sh"), "podman"], null, default);
        using var repo = await Repo.CreateAsync();
        var run = await Th.RunAsync(repo.Path, ["sandbox", "run", "--provider", "docker", "--json", "--", "sh", "-c",
            "echo from-container > made.txt; wget -q -T 3 -O- http://1.1.1.1/ && echo NETWORK || echo no-network"], env: Podman);
        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains("no-network", run.StandardError);
        using var report = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("docker", report.RootElement.GetProperty("provider").GetString());
        Assert.Contains("add made.txt", report.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task A_missing_engine_is_an_error_not_a_fallback()
    {
        using var repo = await Repo.CreateAsync();
        var env = new Dictionary<string, string?>(Podman) { ["SMOOTH_DOCKER_ENGINE"] = "no-such-engine" };
        var run = await Th.RunAsync(repo.Path, ["sandbox", "run", "--provider", "docker", "--", "true"], env: env);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("no-such-engine", run.StandardError);
        Assert.False(Directory.Exists(repo.Combine(".smooth", "sandboxes")));
    }
}
