using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Smooth.Core.Diagnostics;

/// <summary>
/// Start-up timing marks for performance work: with <c>TH_PHASE_TRACE</c> set to the launch time in Unix
/// nanoseconds (<c>TH_PHASE_TRACE=$(date +%s%N) th ...</c>), each mark prints the milliseconds since launch to stderr.
/// </summary>
public static class PhaseTrace
{
    private static readonly long LaunchNs = long.TryParse(Environment.GetEnvironmentVariable("TH_PHASE_TRACE"), out var ns) ? ns : 0;
    private static readonly FileStream? Out = LaunchNs == 0 ? null : new FileStream(new SafeFileHandle(2, false), FileAccess.Write, 1);

    /// <summary>Prints one mark when tracing is on.</summary>
    public static void Mark(string what)
    {
        if (Out is null) return;
        var nowNs = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        var line = $"[phase] {(nowNs - LaunchNs) / 1e6,7:F1} ms  {what}  (thread {Environment.CurrentManagedThreadId})\n";
        lock (Out) Out.Write(Encoding.UTF8.GetBytes(line));
    }
}
