using System.Text.RegularExpressions;
using Smooth.Core;
using Smooth.Core.Processes;
using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Providers.Common;

namespace Smooth.Sandbox.Providers.Docker;

/// <summary>
/// Runs each command in its own container of a docker-compatible engine (docker or podman): no network, read-only
/// root, no capabilities, no-new-privileges, a non-root user and memory/cpu/pids limits. A missing engine is an
/// error, never a fallback to another provider.
/// </summary>
public sealed partial class DockerProvider(DockerOptions? options = null) : ISandboxProvider
{
    private readonly DockerOptions _options = options ?? new DockerOptions();
    private volatile string? _engine;

    /// <inheritdoc />
    public string Id => "docker";

    /// <inheritdoc />
    public async Task EnsureAvailableAsync(CancellationToken ct)
    {
        if (_engine is not null)
        {
            return;
        }
        var engine = ExecutableFinder.Find(_options.Engine)
            ?? throw new SmoothException($"the container engine '{_options.Engine}' is not installed",
                "install docker or podman (apt-get install podman), or pick another engine or provider in the configuration", ExitCodes.Environment);
        var version = await ProcessRunner.RunAsync(engine, ["version"], new ProcessOptions { Timeout = TimeSpan.FromSeconds(60) }, ct);
        if (!version.Succeeded)
        {
            throw new SmoothException($"the container engine '{_options.Engine}' does not answer: {FirstLine(version.StandardError)}",
                "start its daemon or check its installation", ExitCodes.Environment);
        }
        _engine = engine;
    }

    /// <inheritdoc />
    public async Task<ProviderResult> RunAsync(SandboxExecution execution, CancellationToken ct)
    {
        ExecutionChecks.Validate(execution);
        foreach (var path in execution.Mounts.SelectMany(m => new[] { m.HostPath, m.SandboxPath }).Append(execution.WorkspacePath))
        {
            if (path.Contains(':') || path.Contains(','))
            {
                throw new SmoothException($"the path '{path}' contains ':' or ',' which a container volume cannot express", "rename it or use the bubblewrap provider", ExitCodes.BadInput);
            }
        }
        await EnsureAvailableAsync(ct);
        var engine = _engine!;
        Directory.CreateDirectory(execution.ScratchPath);

        var name = ContainerName(execution);
        var envFile = WriteEnvFile(execution);
        var owner = await OwnerAsync(execution.WorkspacePath, ct);
        await RemoveContainerAsync(engine, name); // A leftover from a crashed run with the same ids.

        ContainerCgroup? cgroup = null;
        var oomSeen = false;
        var outcome = await BoundedProcess.RunAsync(new BoundedStart
        {
            FileName = engine,
            Arguments = DockerArguments.Run(_options, execution, name, envFile, owner),
            Environment = EngineEnvironment(),
            Limits = execution.Limits,
            OnStandardOutput = execution.OnStandardOutput,
            OnStandardError = execution.OnStandardError,
            AfterStart = _ => { var watcher = Task.Run(async () => cgroup = await FindCgroupAsync(engine, name)); GC.KeepAlive(watcher); },
            Watch = () =>
            {
                if (cgroup is not { } c)
                {
                    return null;
                }
                oomSeen |= c.MemoryOomKills() > 0;
                return c.ProcessLimitHits() > 0 ? LimitHit.Processes : null;
            },
            KillAll = process =>
            {
                RemoveContainerAsync(engine, name).GetAwaiter().GetResult();
                try { process.Kill(entireProcessTree: true); }
                catch (InvalidOperationException) { }
            },
        }, ct);

        try
        {
            var limit = outcome.Limit;
            if (limit is null && !outcome.Cancelled)
            {
                var oom = await ProcessRunner.RunAsync(engine, ["inspect", "--format", "{{.State.OOMKilled}}", name], new ProcessOptions { Timeout = TimeSpan.FromSeconds(60) }, CancellationToken.None);
                oomSeen |= cgroup?.MemoryOomKills() > 0;
                if (cgroup?.ProcessLimitHits() > 0)
                {
                    limit = LimitHit.Processes;
                }
                // The engine's OOM flag is not always set on cgroup v1 hosts; a SIGKILL we did not send comes from
                // the kernel's OOM killer (nothing else inside can SIGKILL the container's first process).
                else if (oom.StandardOutput.Trim() == "true" || oomSeen || outcome.ExitCode == 137)
                {
                    limit = LimitHit.Memory;
                }
            }
            if (limit is null && !outcome.Cancelled && (outcome.ExitCode == 125 || outcome.ExitCode is 126 or 127 && outcome.StandardError.Contains("Error: ", StringComparison.Ordinal)))
            {
                return new ProviderResult(SandboxStatus.Failed, null, null, $"the container engine could not start the container: {FirstLine(outcome.StandardError)}",
                    outcome.StandardOutput, outcome.StandardError, outcome.Elapsed);
            }
            return ExecutionChecks.ToResult(outcome, limit, limit is { } hit ? ExecutionChecks.Describe(hit, execution.Limits) : null);
        }
        finally
        {
            await RemoveContainerAsync(engine, name);
            TryDelete(envFile);
        }
    }

    /// <inheritdoc />
    public async Task CleanupAsync(SandboxExecution execution, CancellationToken ct)
    {
        if (ExecutableFinder.Find(_options.Engine) is { } engine)
        {
            await RemoveContainerAsync(engine, ContainerName(execution));
        }
        TryDelete(Path.Combine(execution.ScratchPath, "container.env"));
    }

    private static string ContainerName(SandboxExecution execution) =>
        "smooth-" + UnsafeChars().Replace($"{execution.RunId}-{execution.SandboxId}", "_");

    private static string WriteEnvFile(SandboxExecution execution)
    {
        // An env file, not -e KEY=VALUE: values never appear in the host's process list.
        var lines = new List<string>();
        foreach (var (key, value) in ExecutionChecks.EnvironmentWithLineage(execution))
        {
            if (value.Contains('\n') || value.Contains('\r'))
            {
                throw new SmoothException($"the environment variable '{key}' has a line break, which a container env file cannot carry", "remove the line break", ExitCodes.BadInput);
            }
            lines.Add($"{key}={value}");
        }
        var path = Path.Combine(execution.ScratchPath, "container.env");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return path;
    }

    // The engine client needs a few of the host's variables to find its configuration and storage.
    private static Dictionary<string, string> EngineEnvironment()
    {
        var env = new Dictionary<string, string>();
        foreach (var key in new[] { "PATH", "HOME", "USER", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "DOCKER_HOST", "DOCKER_CONFIG", "CONTAINER_HOST", "TMPDIR" })
        {
            if (Environment.GetEnvironmentVariable(key) is { } value)
            {
                env[key] = value;
            }
        }
        return env;
    }

    private static async Task<(int Uid, int Gid)> OwnerAsync(string path, CancellationToken ct)
    {
        var stat = await ProcessRunner.RunCheckedAsync("stat", ["-c", "%u %g", path], null, ct);
        var parts = stat.StandardOutput.Trim().Split(' ');
        return (int.Parse(parts[0]), int.Parse(parts[1]));
    }

    private static async Task<ContainerCgroup?> FindCgroupAsync(string engine, string name)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var r = await ProcessRunner.RunAsync(engine, ["inspect", "--format", "{{.State.Pid}}", name], new ProcessOptions { Timeout = TimeSpan.FromSeconds(30) }, CancellationToken.None);
            if (int.TryParse(r.StandardOutput.Trim(), out var pid) && pid > 0)
            {
                return ContainerCgroup.ForProcess(pid);
            }
            await Task.Delay(100);
        }
        return null;
    }

    private static async Task RemoveContainerAsync(string engine, string name)
    {
        await ProcessRunner.RunAsync(engine, ["rm", "-f", name], new ProcessOptions { Timeout = TimeSpan.FromSeconds(60) }, CancellationToken.None);
    }

    private static string FirstLine(string text) => text.Trim().Split('\n', 2)[0];

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex UnsafeChars();
}
