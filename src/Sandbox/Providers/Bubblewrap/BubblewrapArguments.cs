using Smooth.Sandbox.Contract;

namespace Smooth.Sandbox.Providers.Bubblewrap;

/// <summary>
/// The bwrap command line: every namespace unshared (only loopback networking), all capabilities dropped, a
/// non-root uid, an explicit environment, read-only system directories, a private /tmp and $HOME, the workspace
/// read-write and nothing else of the host.
/// </summary>
internal static class BubblewrapArguments
{
    /// <summary>Uid and gid of the sandbox user.</summary>
    internal const int SandboxUid = 1000;

    /// <summary>$HOME inside (a tmpfs).</summary>
    internal const string Home = "/home/sandbox";

    /// <summary>Arguments for isolation only (namespaces, session, capabilities), shared with the benchmark baseline.</summary>
    internal static IEnumerable<string> Isolation()
    {
        yield return "--unshare-user";
        yield return "--uid";
        yield return SandboxUid.ToString();
        yield return "--gid";
        yield return SandboxUid.ToString();
        foreach (var ns in new[] { "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup" })
        {
            yield return ns;
        }
        yield return "--hostname";
        yield return "sandbox";
        yield return "--die-with-parent";
        yield return "--new-session";
        yield return "--cap-drop";
        yield return "ALL";
    }

    /// <summary>The full argument list; <paramref name="seccompFd"/> and <paramref name="blockFd"/> are inherited descriptors.</summary>
    internal static List<string> Build(SandboxExecution execution, IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment,
        SystemMounts system, int? seccompFd, int? blockFd)
    {
        var args = new List<string>(Isolation());
        args.Add("--clearenv");
        foreach (var (key, value) in environment)
        {
            args.AddRange(["--setenv", key, value]);
        }
        args.AddRange(system.Arguments);
        args.AddRange(["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--tmpfs", "/home", "--dir", Home]);
        args.AddRange(["--bind", execution.WorkspacePath, SandboxPaths.Workspace]);
        foreach (var mount in execution.Mounts)
        {
            args.AddRange([mount.ReadOnly ? "--ro-bind" : "--bind", mount.HostPath, mount.SandboxPath]);
        }
        args.AddRange(["--chdir", SandboxPaths.Workspace]);
        if (seccompFd is { } s)
        {
            args.AddRange(["--seccomp", s.ToString()]);
        }
        if (blockFd is { } b)
        {
            args.AddRange(["--block-fd", b.ToString()]);
        }
        args.Add("--");
        args.AddRange(command);
        return args;
    }
}
