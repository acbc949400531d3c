using Smooth.Core.Processes;

namespace Smooth.Sandbox.Providers.Tests;

/// <summary>
/// A tiny C program compiled once with the host's gcc, copied into a workspace and run inside the sandbox. Each mode
/// tries one kernel feature and prints <c>OK</c> or <c>DENIED errno</c>: the sandbox has no python or debugger.
/// </summary>
public static class Probe
{
    private const string Source = """
        #define _GNU_SOURCE
        #include <errno.h>
        #include <sched.h>
        #include <signal.h>
        #include <stdio.h>
        #include <string.h>
        #include <unistd.h>
        #include <sys/ptrace.h>
        #include <sys/syscall.h>
        #include <sys/uio.h>
        #include <sys/wait.h>
        #include <sys/mount.h>
        #include <sys/socket.h>
        #include <netinet/in.h>
        #include <netinet/ip_icmp.h>
        #include <arpa/inet.h>
        #include <linux/io_uring.h>

        static int report(long rc) {
            if (rc < 0) { printf("DENIED %d %s\n", errno, strerror(errno)); return 1; }
            printf("OK\n"); return 0;
        }

        int main(int argc, char **argv) {
            const char *m = argc > 1 ? argv[1] : "";
            if (!strcmp(m, "ptrace") || !strcmp(m, "vmread")) {
                pid_t child = fork();
                if (child == 0) { pause(); _exit(0); }
                long rc;
                if (!strcmp(m, "ptrace")) rc = ptrace(PTRACE_ATTACH, child, 0, 0);
                else {
                    static char src[16] = "secret", dst[16];
                    struct iovec l = { dst, 16 }, r = { src, 16 };
                    rc = process_vm_readv(child, &l, 1, &r, 1, 0);
                }
                int e = errno; kill(child, SIGKILL); waitpid(child, 0, 0); errno = e;
                return report(rc);
            }
            if (!strcmp(m, "userns")) return report(unshare(CLONE_NEWUSER));
            if (!strcmp(m, "clone-userns")) {
                long rc = syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0);
                if (rc == 0) _exit(0);
                if (rc > 0) waitpid(rc, 0, 0);
                return report(rc);
            }
            if (!strcmp(m, "mount")) {
                if (unshare(CLONE_NEWUSER | CLONE_NEWNS) < 0) return report(-1);
                return report(mount("none", "/tmp", "tmpfs", 0, 0));
            }
            if (!strcmp(m, "io_uring")) {
                struct io_uring_params p; memset(&p, 0, sizeof p);
                return report(syscall(__NR_io_uring_setup, 4, &p));
            }
            if (!strcmp(m, "keyctl")) return report(syscall(SYS_add_key, "user", "smooth", "v", 1, -2));
            if (!strcmp(m, "bpf")) return report(syscall(SYS_bpf, 0, 0, 0));
            if (!strcmp(m, "userfaultfd")) return report(syscall(SYS_userfaultfd, 0));
            if (!strcmp(m, "perf")) return report(syscall(SYS_perf_event_open, 0, 0, -1, -1, 0));
            if (!strcmp(m, "ping")) {
                int s = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
                if (s < 0) s = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
                if (s < 0) return report(-1);
                struct icmphdr h; memset(&h, 0, sizeof h); h.type = ICMP_ECHO;
                struct sockaddr_in a; memset(&a, 0, sizeof a); a.sin_family = AF_INET; a.sin_addr.s_addr = inet_addr(argc > 2 ? argv[2] : "1.1.1.1");
                return report(sendto(s, &h, sizeof h, 0, (struct sockaddr *)&a, sizeof a));
            }
            printf("unknown mode\n");
            return 2;
        }
        """;

    private static readonly Lazy<Task<string>> Binary = new(BuildAsync);

    /// <summary>Copies the compiled probe into <paramref name="workspace"/> and returns its path inside the sandbox.</summary>
    public static async Task<string> InstallAsync(string workspace)
    {
        var binary = await Binary.Value;
        File.Copy(binary, Path.Combine(workspace, "probe"), overwrite: true);
        return "/workspace/probe";
    }

    private static async Task<string> BuildAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "smooth-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { }
        };
        var source = Path.Combine(dir, "probe.c");
        await File.WriteAllTextAsync(source, Source);
        var output = Path.Combine(dir, "probe");
        await ProcessRunner.RunCheckedAsync("gcc", ["-O1", "-o", output, source], null, CancellationToken.None);
        return output;
    }
}
