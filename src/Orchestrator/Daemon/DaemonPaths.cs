namespace Smooth.Orchestrator.Daemon;

/// <summary>Where the daemon keeps its user-scope files under <c>~/.smooth/</c>.</summary>
public sealed record DaemonPaths(string Home)
{
    /// <summary>Paths for the current user's home directory.</summary>
    public static DaemonPaths ForCurrentUser() => new(Path.GetDirectoryName(Core.ProjectLocator.UserStateDir())!);

    /// <summary><c>~/.smooth</c>.</summary>
    public string Dir => Path.Combine(Home, ".smooth");

    /// <summary>The API's Unix socket.</summary>
    public string Socket => Path.Combine(Dir, "daemon.sock");

    /// <summary>Wonk's decision API (Unix socket, 0600): the policy's answer to network, tool, write, command, pearl and MCP questions.</summary>
    public string PolicySocket => Path.Combine(Dir, "policy.sock");

    /// <summary>The bearer token every API request needs (mode 0600).</summary>
    public string Token => Path.Combine(Dir, "daemon.token");

    /// <summary>What the running daemon wrote about itself (pid, ports, project).</summary>
    public string Info => Path.Combine(Dir, "daemon.json");

    /// <summary>The daemon's own log (stdout and stderr).</summary>
    public string Log => Path.Combine(Dir, "daemon.log");
}
