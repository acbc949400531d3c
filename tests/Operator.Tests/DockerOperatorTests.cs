using System.Text.Json;
using Smooth.Core.Processes;
using Smooth.TestSupport;

namespace Smooth.Operator.Tests;

/// <summary>
/// An operator in a container of the docker provider (a real podman): the host's th mounted read-only, the host
/// sockets mounted, no network but the egress bridge on the container's loopback, and the diff back for review.
/// </summary>
public sealed class DockerOperatorTests
{
    private const string Image = "localhost/smooth-test-glibc:1";

    private static readonly Lazy<Task> ImageBuilt = new(() => ProcessRunner.RunCheckedAsync("sh",
        [Path.Combine(AppContext.BaseDirectory, "docker-test-image.sh"), "podman", Image, ProgramDir], null, CancellationToken.None));

    private static string ProgramDir => Path.GetDirectoryName(new FileInfo(Th.Binary).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Th.Binary)!;

    private static readonly Dictionary<string, string?> Podman = new()
    {
        ["SMOOTH_DOCKER_ENGINE"] = "podman",
        ["SMOOTH_DOCKER_RUNTIME"] = "runc",
        ["SMOOTH_DOCKER_IMAGE"] = Image,
    };

    [Fact]
    public async Task An_operator_runs_in_a_container_reads_writes_and_runs_commands_and_its_diff_waits_for_review()
    {
        await ImageBuilt.Value;
        await using var env = await ExecEnvironment.StartAsync("""
            turns:
              - respond: {tool_calls: [{name: read_file, arguments: {path: README.md}}]}
              - expect: {last_tool_result_contains: "test repo"}
                respond: {tool_calls: [{name: write_file, arguments: {path: from-container.txt, content: "written in a container\n"}}]}
              - expect: {last_tool_result_contains: "from-container.txt"}
                respond: {tool_calls: [{name: bash, arguments: {command: "echo inside=$(cat /proc/1/cgroup | wc -l) net=$(wget -q -T 3 -O- http://1.1.1.1/ >/dev/null 2>&1 && echo open || echo closed)"}}]}
              - expect: {last_tool_result_contains: "net=closed"}
                respond: {content: "done in the container"}
            """);

        var exec = await Th.RunAsync(env.Repo.Path, ["exec", "write a file", "--provider", "docker", "--no-tests", "--json"], home: env.Home.Path,
            env: Podman, timeout: TimeSpan.FromMinutes(4));

        Assert.True(exec.ExitCode == 0, exec.StandardError + exec.StandardOutput);
        env.Model.AssertCompleted();
        var report = JsonDocument.Parse(exec.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement;
        Assert.Equal("review", report.GetProperty("status").GetString());
        Assert.False(File.Exists(Path.Combine(env.Repo.Path, "from-container.txt"))); // nothing lands before review
        var runId = report.GetProperty("runId").GetString()!;
        var accept = await Th.RunAsync(env.Repo.Path, ["review", "accept", runId], home: env.Home.Path);
        Assert.True(accept.ExitCode == 0, accept.StandardError);
        Assert.Equal("written in a container\n", await File.ReadAllTextAsync(Path.Combine(env.Repo.Path, "from-container.txt")));
        var logs = (await Th.RunAsync(env.Repo.Path, ["logs", "--json", "--limit", "10000"], home: env.Home.Path)).StandardOutput;
        Assert.Contains("\"provider\": \"docker\"", logs);
        Assert.DoesNotContain(ExecEnvironment.ProviderKey, logs);
    }
}
