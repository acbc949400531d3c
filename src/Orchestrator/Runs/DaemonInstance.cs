using System.Globalization;

namespace Smooth.Orchestrator.Runs;

/// <summary>
/// Identifies a daemon process as a lease owner: <c>pid:starttime</c>, so a recycled pid is not mistaken for the
/// daemon that died. <see cref="IsAlive"/> tells a restarted daemon at once whether a lease's owner is gone.
/// </summary>
public static class DaemonInstance
{
    /// <summary>This process's owner id.</summary>
    public static string Current { get; } = For(Environment.ProcessId) ?? $"{Environment.ProcessId}:0";

    /// <summary>Whether the process named by <paramref name="owner"/> still runs (same pid and same start time).</summary>
    public static bool IsAlive(string owner)
    {
        var pidText = owner.Split(':')[0];
        return int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && For(pid) == owner;
    }

    private static string? For(int pid)
    {
        try
        {
            // Field 22 of /proc/<pid>/stat is the start time in clock ticks since boot; fields after the command name.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return $"{pid}:{fields[19]}";
        }
        catch (IOException)
        {
            return null;
        }
    }
}
