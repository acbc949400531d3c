namespace Smooth.Sandbox.Providers.Bubblewrap;

/// <summary>
/// The read-only view of the host system inside the sandbox: /usr and its merged-/usr links, and a minimal /etc of
/// files programs need to run (loader cache, certificates, time zone, name service config). Nothing secret
/// (shadow, sudoers, ssh host keys) is bound; /etc/passwd and /etc/group are generated for the sandbox user.
/// </summary>
internal sealed class SystemMounts
{
    private static readonly string[] TopLevel = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    private static readonly string[] EtcEntries =
    [
        "ld.so.cache", "ld.so.conf", "ld.so.conf.d", "alternatives", "ssl", "ca-certificates", "ca-certificates.conf",
        "pki", "localtime", "timezone", "nsswitch.conf", "host.conf", "mime.types", "os-release", "debian_version",
        "bash.bashrc", "profile", "profile.d", "inputrc", "gitconfig", "wgetrc", "terminfo", "protocols", "services",
    ];

    private SystemMounts(List<string> arguments) => Arguments = arguments;

    /// <summary>bwrap arguments mounting the system view.</summary>
    internal IReadOnlyList<string> Arguments { get; }

    /// <summary>Builds the view; generated files (passwd, group, hosts) are written to <paramref name="scratch"/>.</summary>
    internal static SystemMounts Create(string scratch)
    {
        var args = new List<string>();
        foreach (var path in TopLevel)
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target)
            {
                args.AddRange(["--symlink", target, path]);
            }
            else if (Directory.Exists(path))
            {
                args.AddRange(["--ro-bind", path, path]);
            }
        }
        foreach (var entry in EtcEntries)
        {
            var path = "/etc/" + entry;
            if (File.Exists(path) || Directory.Exists(path))
            {
                args.AddRange(["--ro-bind", path, path]);
            }
        }
        var etc = Path.Combine(scratch, "etc");
        Directory.CreateDirectory(etc);
        Write(etc, "passwd", $"root:x:0:0:root:/root:/usr/sbin/nologin\nsandbox:x:{BubblewrapArguments.SandboxUid}:{BubblewrapArguments.SandboxUid}:sandbox:{BubblewrapArguments.Home}:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n", args);
        Write(etc, "group", $"root:x:0:\nsandbox:x:{BubblewrapArguments.SandboxUid}:\nnogroup:x:65534:\n", args);
        Write(etc, "hosts", "127.0.0.1 localhost sandbox\n::1 localhost\n", args);
        return new SystemMounts(args);
    }

    private static void Write(string dir, string name, string content, List<string> args)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        args.AddRange(["--ro-bind", path, "/etc/" + name]);
    }
}
