using System.Globalization;
using Smooth.Sandbox.Contract;

namespace Smooth.Sandbox.Providers.Docker;

/// <summary>
/// The <c>run</c> command line: no network, read-only root with a private /tmp, all capabilities dropped,
/// no-new-privileges, a non-root user, memory/cpu/pids/ulimit bounds, the workspace at /workspace.
/// </summary>
internal static class DockerArguments
{
    /// <summary>Uid and gid of the user inside the container.</summary>
    internal const int SandboxUid = 1000;

    /// <summary>Builds <c>run ...</c>. <paramref name="owner"/> is the host uid/gid owning the workspace.</summary>
    internal static List<string> Run(DockerOptions options, SandboxExecution execution, string containerName, string envFile, (int Uid, int Gid) owner)
    {
        var limits = execution.Limits;
        var args = new List<string> { "run", "--name", containerName };
        if (options.Runtime is { } runtime)
        {
            args.AddRange(["--runtime", runtime]);
        }
        args.AddRange(["--network", "none", "--read-only", "--tmpfs", "/tmp:rw,nosuid,nodev,mode=1777", "--tmpfs", "/home/sandbox:rw,nosuid,nodev,mode=1777",
            "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--ipc", "private"]);
        if (options.IsPodman)
        {
            // Map the sandbox user onto the workspace owner so /workspace is writable without running as root inside;
            // uids below it map to unprivileged host ids 1..1000 (higher ranges fail podman's overlay id-mapping here).
            args.AddRange(["--uidmap", $"0:1:{SandboxUid}", "--uidmap", $"{SandboxUid}:{owner.Uid}:1",
                "--gidmap", $"0:1:{SandboxUid}", "--gidmap", $"{SandboxUid}:{owner.Gid}:1"]);
            args.AddRange(["--user", $"{SandboxUid}:{SandboxUid}"]);
        }
        else
        {
            // Docker has no per-container uid map: run as the workspace owner, or the sandbox uid if that is root.
            var uid = owner.Uid == 0 ? SandboxUid : owner.Uid;
            var gid = owner.Uid == 0 ? SandboxUid : owner.Gid;
            args.AddRange(["--user", $"{uid}:{gid}"]);
        }
        args.AddRange(["--memory", limits.MemoryBytes.ToString(CultureInfo.InvariantCulture),
            "--memory-swap", limits.MemoryBytes.ToString(CultureInfo.InvariantCulture),
            "--pids-limit", limits.MaxProcesses.ToString(CultureInfo.InvariantCulture),
            "--ulimit", $"nofile={options.OpenFiles}:{options.OpenFiles}",
            "--ulimit", $"nproc={limits.MaxProcesses}:{limits.MaxProcesses}"]);
        if (limits.Cpus is { } cpus)
        {
            args.AddRange(["--cpus", cpus.ToString(CultureInfo.InvariantCulture)]);
        }
        args.AddRange(["--env-file", envFile]);
        args.AddRange(["-v", $"{execution.WorkspacePath}:{SandboxPaths.Workspace}:rw", "-w", SandboxPaths.Workspace]);
        foreach (var mount in execution.Mounts)
        {
            args.AddRange(["-v", $"{mount.HostPath}:{mount.SandboxPath}:{(mount.ReadOnly ? "ro" : "rw")}"]);
        }
        args.Add(options.Image);
        args.AddRange(execution.Command);
        return args;
    }
}
