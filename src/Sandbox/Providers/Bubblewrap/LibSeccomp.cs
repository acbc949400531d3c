using System.Runtime.InteropServices;

namespace Smooth.Sandbox.Providers.Bubblewrap;

/// <summary>P/Invoke surface of libseccomp (libseccomp.so.2, present on Debian/Ubuntu by default).</summary>
internal static partial class LibSeccomp
{
    private const string Lib = "libseccomp.so.2";

    internal const uint ActAllow = 0x7fff0000;
    internal const int CmpMaskedEq = 7;

    /// <summary>SCMP_ACT_ERRNO(errno).</summary>
    internal static uint ActErrno(int errno) => 0x00050000u | ((uint)errno & 0x0000ffffu);

    /// <summary>struct scmp_arg_cmp.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct ArgCmp
    {
        public uint Arg;
        public int Op;
        public ulong DatumA;
        public ulong DatumB;
    }

    [LibraryImport(Lib, EntryPoint = "seccomp_init")]
    internal static partial nint Init(uint defaultAction);

    [LibraryImport(Lib, EntryPoint = "seccomp_release")]
    internal static partial void Release(nint ctx);

    [LibraryImport(Lib, EntryPoint = "seccomp_syscall_resolve_name", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ResolveName(string name);

    [LibraryImport(Lib, EntryPoint = "seccomp_rule_add_array")]
    internal static unsafe partial int RuleAddArray(nint ctx, uint action, int syscall, uint argCount, ArgCmp* args);

    [LibraryImport(Lib, EntryPoint = "seccomp_export_bpf")]
    internal static partial int ExportBpf(nint ctx, int fd);
}
