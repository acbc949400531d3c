using System.Runtime.InteropServices;

namespace Smooth.Core.Processes;

/// <summary>The few libc calls process hardening needs: signalling process groups and marking a process undumpable.</summary>
internal static partial class ProcessNative
{
    internal const int SigTerm = 15;
    internal const int SigKill = 9;
    internal const int PrSetDumpable = 4;
    internal const int PrGetDumpable = 3;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    internal static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    internal static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);
}
