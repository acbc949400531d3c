using System.Runtime.InteropServices;
using Smooth.Core;
using Smooth.Core.Threading;

namespace Smooth.Sandbox.Providers.Bubblewrap;

/// <summary>
/// Builds the seccomp program bwrap installs before running the command: a deny-list of the syscalls that reach
/// past the sandbox's own namespaces (debugging other processes, mounting, new namespaces, io_uring, bpf, perf,
/// the kernel keyring, kexec and modules, userfaultfd). Everything else stays allowed so ordinary tools work.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class SeccompFilter
{
    private const int Eperm = 1;
    private const int Enosys = 38;

    /// <summary>Refused always.</summary>
    internal static readonly string[] AlwaysDenied =
    [
        "ptrace", "process_vm_readv", "process_vm_writev",
        "io_uring_setup", "io_uring_enter", "io_uring_register",
        "bpf", "perf_event_open",
        "keyctl", "add_key", "request_key",
        "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
        "userfaultfd", "open_by_handle_at", "name_to_handle_at",
        "acct", "swapon", "swapoff", "reboot", "syslog", "lookup_dcookie", "quotactl",
    ];

    /// <summary>Refused unless nesting is allowed: a nested bwrap needs namespaces and mounts in them.</summary>
    internal static readonly string[] DeniedUnlessNested =
    [
        "mount", "umount2", "pivot_root", "move_mount", "open_tree", "fsopen", "fsmount", "fsconfig", "fspick",
        "mount_setattr", "unshare", "setns",
    ];

    // CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET.
    private static readonly ulong[] CloneNamespaceFlags = [0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000];

    private static readonly byte[]?[] Compiled = new byte[2][];

    /// <summary>
    /// Compiles the common (no nesting) program on a background thread, so a run finds it ready: the first compile
    /// loads libseccomp and compiles the interop calls, a few milliseconds in front of bwrap otherwise. Failures are
    /// left to <see cref="Export"/>, which reports them.
    /// </summary>
    internal static void CompileAhead() => HeadStart.Run("seccomp compile", () =>
    {
        if (Volatile.Read(ref Compiled[0]) is not null) return;
        var temp = Path.Combine(Path.GetTempPath(), $"smooth-seccomp-{Environment.ProcessId}-{Guid.NewGuid():N}.bpf");
        try
        {
            Compile(temp, allowNested: false);
            Volatile.Write(ref Compiled[0], File.ReadAllBytes(temp));
        }
        catch (Exception)
        {
            // Export compiles again and reports the error.
        }
        finally
        {
            File.Delete(temp);
        }
    });

    /// <summary>Writes the BPF program to <paramref name="path"/> (created fresh, mode 0600); compiled once per process.</summary>
    internal static void Export(string path, bool allowNested)
    {
        var slot = allowNested ? 1 : 0;
        if (Volatile.Read(ref Compiled[slot]) is null)
        {
            var temp = path + ".compile";
            Compile(temp, allowNested);
            Volatile.Write(ref Compiled[slot], File.ReadAllBytes(temp));
            File.Delete(temp);
        }
        using var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        file.Write(Compiled[slot]);
    }

    private static unsafe void Compile(string path, bool allowNested)
    {
        nint ctx;
        try
        {
            ctx = LibSeccomp.Init(LibSeccomp.ActAllow);
        }
        catch (DllNotFoundException e)
        {
            throw new SmoothException("libseccomp.so.2 is not installed", "install it: apt-get install libseccomp2", ExitCodes.Environment, e);
        }
        if (ctx == 0)
        {
            throw new SmoothException("seccomp_init failed", "check that libseccomp2 is installed and working", ExitCodes.Environment);
        }
        try
        {
            var deny = LibSeccomp.ActErrno(Eperm);
            foreach (var name in allowNested ? AlwaysDenied : [.. AlwaysDenied, .. DeniedUnlessNested])
            {
                AddRule(ctx, name, deny, []);
            }
            if (!allowNested)
            {
                // clone(2) with any namespace flag; clone3 passes its flags in memory seccomp cannot read, so it is
                // answered ENOSYS and libc falls back to clone(2), which is checked.
                foreach (var flag in CloneNamespaceFlags)
                {
                    AddRule(ctx, "clone", deny, [new LibSeccomp.ArgCmp { Arg = 0, Op = LibSeccomp.CmpMaskedEq, DatumA = flag, DatumB = flag }]);
                }
                AddRule(ctx, "clone3", LibSeccomp.ActErrno(Enosys), []);
            }

            using var file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
            var rc = LibSeccomp.ExportBpf(ctx, (int)file.SafeFileHandle.DangerousGetHandle());
            if (rc != 0)
            {
                throw new SmoothException($"seccomp_export_bpf failed ({rc})", "check that libseccomp2 is installed and working", ExitCodes.Environment);
            }
        }
        finally
        {
            LibSeccomp.Release(ctx);
        }
    }

    private static unsafe void AddRule(nint ctx, string name, uint action, LibSeccomp.ArgCmp[] args)
    {
        var nr = LibSeccomp.ResolveName(name);
        if (nr < 0)
        {
            return; // Not a syscall on this architecture (e.g. a name newer than this libseccomp): nothing to refuse.
        }
        fixed (LibSeccomp.ArgCmp* p = args)
        {
            var rc = LibSeccomp.RuleAddArray(ctx, action, nr, (uint)args.Length, p);
            if (rc != 0)
            {
                throw new SmoothException($"seccomp rule for {name} failed ({rc})", "check that libseccomp2 is installed and working", ExitCodes.Environment);
            }
        }
    }
}
