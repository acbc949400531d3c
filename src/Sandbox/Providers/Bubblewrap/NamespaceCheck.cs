using Smooth.Core;
using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Providers.Common;

namespace Smooth.Sandbox.Providers.Bubblewrap;

/// <summary>
/// Checks that bwrap is installed and that this host lets the current user create user namespaces, naming the
/// exact sysctl or AppArmor setting that blocks it when it does not. The probe starts a real (throwaway) sandbox; a pass
/// is remembered in <c>cacheDir</c> under a key of everything it depends on (boot, bwrap binary, user, the namespace
/// settings), and a changed key probes again. A failure is never remembered.
/// </summary>
internal static class NamespaceCheck
{
    /// <summary>The resolved path of bwrap; throws a <see cref="SmoothException"/> when the sandbox cannot be created here.</summary>
    internal static async Task<string> EnsureAsync(string bwrap, string cacheDir, CancellationToken ct)
    {
        var resolved = ExecutableFinder.Find(bwrap)
            ?? throw new SmoothException($"bubblewrap ('{bwrap}') is not installed",
                "install it: apt-get install bubblewrap (or run ./install.sh)", ExitCodes.Environment);

        if (ReadInt("/proc/sys/user/max_user_namespaces") == 0)
        {
            throw Blocked("the sysctl user.max_user_namespaces is 0", "sysctl -w user.max_user_namespaces=15000");
        }
        var unprivileged = !IsRoot();
        if (unprivileged && ReadInt("/proc/sys/kernel/unprivileged_userns_clone") == 0)
        {
            throw Blocked("the sysctl kernel.unprivileged_userns_clone is 0", "sysctl -w kernel.unprivileged_userns_clone=1");
        }
        var apparmor = ReadInt("/proc/sys/kernel/apparmor_restrict_unprivileged_userns");
        var apparmorRestricts = apparmor == 1;
        var key = string.Join('|', ReadText("/proc/sys/kernel/random/boot_id"), resolved, File.GetLastWriteTimeUtc(resolved).Ticks, new FileInfo(resolved).Length,
            unprivileged, ReadInt("/proc/sys/user/max_user_namespaces"), ReadInt("/proc/sys/kernel/unprivileged_userns_clone"), apparmor);
        var remembered = Path.Combine(cacheDir, "bwrap-probe");
        if (ReadText(remembered) == key) return resolved;

        var probe = await BoundedProcess.RunAsync(new BoundedStart
        {
            FileName = resolved,
            Arguments = [.. BubblewrapArguments.Isolation(), "--ro-bind", "/", "/", "--", "/bin/true"],
            Environment = new Dictionary<string, string>(),
            Limits = new SandboxLimits { Timeout = TimeSpan.FromSeconds(30), MaxOutputBytes = 64 * 1024 },
        }, ct);
        if (probe.ExitCode == 0 && probe.Limit is null)
        {
            await RememberAsync(cacheDir, remembered, key, ct);
            return resolved;
        }
        var detail = probe.StandardError.Trim();
        if (unprivileged && apparmorRestricts)
        {
            throw Blocked($"AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns=1): {detail}",
                "sysctl -w kernel.apparmor_restrict_unprivileged_userns=0, or add an AppArmor profile allowing 'userns' for bwrap");
        }
        throw new SmoothException($"bwrap cannot create a sandbox on this host: {detail}",
            "check user.max_user_namespaces, kernel.unprivileged_userns_clone and kernel.apparmor_restrict_unprivileged_userns, or run inside a VM/container that allows user namespaces",
            ExitCodes.Environment);
    }

    private static SmoothException Blocked(string what, string fix) =>
        new($"user namespaces are blocked on this host: {what}", $"allow them ({fix}) or use another provider", ExitCodes.Environment);

    private static bool IsRoot() => File.ReadLines("/proc/self/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) == "0");

    // A cache only: when it cannot be written, the next start probes again.
    private static async Task RememberAsync(string dir, string file, string key, CancellationToken ct)
    {
        try
        {
            Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            await Core.IO.AtomicFile.WriteAllTextAsync(file, key, ct, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    // Settings this kernel does not have are simply absent: checked first, since a thrown exception costs a CLI start.
    private static string? ReadText(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int? ReadInt(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), out var v) ? v : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
