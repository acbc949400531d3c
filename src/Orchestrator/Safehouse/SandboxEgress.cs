using System.Net;
using Smooth.Core.Events;
using Smooth.Egress;
using Smooth.Sandbox.Contract;

namespace Smooth.Orchestrator.Safehouse;

/// <summary>
/// Gives one sandbox run its only way out: an egress proxy for this run (asking its gate about every
/// request), reached from inside a bubblewrap sandbox on 127.0.0.1:3128: the bridge opens that listener in the
/// sandbox and hands it to the proxy through <c>/run/smooth/egress-handover.sock</c>, and relays SOCKS5 to the proxy's
/// Unix socket mounted at <c>/run/smooth/egress.sock</c>. With the <c>direct</c> provider (no network isolation) the
/// proxy listens on a loopback port and the proxy variables point at it.
/// </summary>
public sealed class SandboxEgress : IAsyncDisposable
{
    private const string SocketInside = SandboxPaths.Sockets + "/egress.sock";
    private const string HandoverInside = SandboxPaths.Sockets + "/egress-handover.sock";
    /// <summary>The natively compiled bridge's file name in th's program directory (install.sh builds it).</summary>
    public const string NativeBridge = "smooth-bridge";
    private readonly EgressProxy _proxy;
    private readonly string? _socketDir;
    private readonly bool _nativeBridge;

    private SandboxEgress(EgressProxy proxy, string? socketDir, IReadOnlyList<SandboxMount> mounts, IReadOnlyDictionary<string, string> environment, bool bridged, bool nativeBridge = false)
    {
        _proxy = proxy;
        _socketDir = socketDir;
        _nativeBridge = nativeBridge;
        Mounts = mounts;
        Environment = environment;
        Bridged = bridged;
    }

    /// <summary>Mounts the sandbox needs (proxy socket, program directory for the bridge).</summary>
    public IReadOnlyList<SandboxMount> Mounts { get; }

    /// <summary>Environment for the sandboxed command (proxy variables when not bridged).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>True when the command must be started through the in-sandbox bridge.</summary>
    public bool Bridged { get; }

    /// <summary>
    /// Starts the proxy for a run with <paramref name="providerId"/>; <paramref name="programDir"/> is the th install
    /// directory. Returns null for container providers, which run with no network at all (<c>--network none</c>),
    /// unless <paramref name="bridgeContainers"/>: an operator's container has th mounted, so it gets the bridge too
    /// (it listens on the container's own loopback, the one interface <c>--network none</c> leaves).
    /// </summary>
    public static SandboxEgress? Start(string providerId, IEgressGate gate, IEventSink events, string programDir, bool bridgeContainers = false)
    {
        if (providerId == "docker" && !bridgeContainers) return null;
        if (providerId == "direct")
        {
            var tcp = new EgressProxy(gate, events, new EgressProxyOptions { TcpEndPoint = new IPEndPoint(IPAddress.Loopback, 0), ClientLabel = "direct" });
            tcp.Start();
            var url = $"http://{tcp.TcpEndPoint}";
            var env = new Dictionary<string, string>
            {
                ["HTTP_PROXY"] = url, ["http_proxy"] = url, ["HTTPS_PROXY"] = url, ["https_proxy"] = url, ["SMOOTH_EGRESS_PROXY"] = url,
            };
            return new SandboxEgress(tcp, null, [], env, bridged: false);
        }

        // A short private directory: Unix socket paths are limited to 108 bytes.
        var dir = Path.Combine(Path.GetTempPath(), $"smooth-egress-{Guid.NewGuid():N}"[..26]);
        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var socket = Path.Combine(dir, "egress.sock");
        var handover = Path.Combine(dir, "handover.sock");
        var proxy = new EgressProxy(gate, events, new EgressProxyOptions { SocketPath = socket, HandoverSocketPath = handover, ClientLabel = "sandbox" });
        proxy.Start();
        return new SandboxEgress(proxy, dir,
            [
                new SandboxMount(socket, SocketInside, ReadOnly: false), new SandboxMount(handover, HandoverInside, ReadOnly: false),
                new SandboxMount(programDir, SandboxPaths.Program),
            ],
            new Dictionary<string, string>(), bridged: true,
            // The native bridge is built for this host's libc, so it runs where the host's root is mounted (bubblewrap);
            // a container image gets th's own bridge.
            nativeBridge: providerId != "docker" && File.Exists(Path.Combine(programDir, NativeBridge)));
    }

    /// <summary>
    /// The command to hand the provider: wrapped in the bridge when bridged. The native bridge (when installed) starts in
    /// a few milliseconds; <c>th egress bridge</c> is the same code behind a .NET runtime start.
    /// </summary>
    public IReadOnlyList<string> Wrap(IReadOnlyList<string> command)
    {
        if (!Bridged) return command;
        string[] bridge = _nativeBridge ? [$"{SandboxPaths.Program}/{NativeBridge}"] : [$"{SandboxPaths.Program}/th", "egress", "bridge"];
        return [.. bridge, "--socket", SocketInside, "--handover", HandoverInside, "--", .. command];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        if (_socketDir is not null)
        {
            try { Directory.Delete(_socketDir, recursive: true); } catch (IOException) { }
        }
    }
}
