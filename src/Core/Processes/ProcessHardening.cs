using System.Runtime.InteropServices;

namespace Smooth.Core.Processes;

/// <summary>
/// Keeps a process that holds tokens (the operator, the in-sandbox egress bridge) out of reach of what it starts:
/// once undumpable, processes it starts (same user, same sandbox)
/// can neither ptrace it nor read its <c>/proc/PID/environ</c>, <c>mem</c> or <c>fd</c> entries, where its tokens live.
/// </summary>
public static class ProcessHardening
{
    /// <summary>Marks this process undumpable; throws when the kernel refuses (never run unprotected silently).</summary>
    public static void MakeUndumpable()
    {
        if (ProcessNative.Prctl(ProcessNative.PrSetDumpable, 0, 0, 0, 0) != 0)
        {
            throw new InvalidOperationException($"prctl(PR_SET_DUMPABLE, 0) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>True when this process is dumpable (traceable by same-user processes).</summary>
    public static bool IsDumpable => ProcessNative.Prctl(ProcessNative.PrGetDumpable, 0, 0, 0, 0) != 0;

    /// <summary>Sends <paramref name="signal"/> to the process group <paramref name="pgid"/>; ignores a group already gone.</summary>
    public static void SignalGroup(int pgid, int signal) => ProcessNative.Kill(-pgid, signal);

    /// <summary>SIGTERM.</summary>
    public const int Term = ProcessNative.SigTerm;

    /// <summary>SIGKILL.</summary>
    public const int KillSignal = ProcessNative.SigKill;
}
