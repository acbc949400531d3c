using Smooth.Sandbox.Contract;

namespace Smooth.Orchestrator.Safehouse;

/// <summary>Joins the mounts and environment of the host services one sandbox reaches (egress, credentials).</summary>
public static class SandboxWiring
{
    /// <summary>
    /// The mounts (each sandbox path once) and environment for a sandbox using <paramref name="egress"/> and
    /// <paramref name="credentials"/>, either of which may be absent.
    /// </summary>
    public static (List<SandboxMount> Mounts, Dictionary<string, string> Environment) Combine(SandboxEgress? egress, SandboxCredentials? credentials,
        bool direct, string programDir)
    {
        var mounts = new List<SandboxMount>(egress?.Mounts ?? []);
        var environment = new Dictionary<string, string>(egress?.Environment ?? new Dictionary<string, string>());
        if (credentials is not null)
        {
            var (m, e) = credentials.Wiring(direct, programDir);
            foreach (var mount in m) Add(mounts, mount);
            foreach (var (k, v) in e) environment[k] = v;
        }
        return (mounts, environment);
    }

    /// <summary>Adds <paramref name="mount"/> unless its sandbox path is already mounted.</summary>
    public static void Add(List<SandboxMount> mounts, SandboxMount mount)
    {
        if (!mounts.Any(m => m.SandboxPath == mount.SandboxPath)) mounts.Add(mount);
    }
}
