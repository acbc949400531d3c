using System.Runtime.InteropServices;

namespace Smooth.Operator.Hardening;

/// <summary>The few libc calls the operator needs: signalling process groups and marking itself undumpable.</summary>
internal static partial class Native
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
