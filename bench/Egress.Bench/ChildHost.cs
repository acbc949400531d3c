using System.Diagnostics;
using System.Globalization;
using System.Net;
using Smooth.Core.Events;
using Smooth.Egress;

/// <summary>
/// The proxy or the bridge for the benchmark: a child process started from this executable (the deployed shape), or,
/// with --in-process, an object in the benchmark's own process.
/// </summary>
sealed class ChildHost : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly IAsyncDisposable? _inProcess;

    private ChildHost(Process? process, IAsyncDisposable? inProcess, int port)
    {
        _process = process;
        _inProcess = inProcess;
        Port = port;
    }

    /// <summary>The bridge's TCP port (0 for the proxy).</summary>
    public int Port { get; }

    /// <summary>Starts this executable with <paramref name="args"/> and waits for its "ready PORT" line.</summary>
    public static Task<ChildHost> StartAsync(string[] args)
    {
        var self = Environment.ProcessPath!;
        // Started through the dotnet host, the program is the entry assembly; started as an apphost, it is the process.
        return StartAsync(self, Path.GetFileNameWithoutExtension(self) == "dotnet" ? [typeof(ChildHost).Assembly.Location, .. args] : args);
    }

    /// <summary>Starts <paramref name="program"/> with <paramref name="args"/> and waits for its "ready PORT" line.</summary>
    public static async Task<ChildHost> StartAsync(string program, string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !line.StartsWith("ready ", StringComparison.Ordinal)) throw new InvalidOperationException($"child {Path.GetFileName(program)} {args[0]} did not start: '{line}'");
        return new ChildHost(process, null, int.Parse(line[6..], CultureInfo.InvariantCulture));
    }

    public static Task<ChildHost> InProcessProxyAsync(string socketPath, string? handoverPath, TimeSpan cacheTtl, string[] rules)
    {
        var proxy = new EgressProxy(PinnedNameGate.Parse(rules), new NullSink(),
            new EgressProxyOptions { SocketPath = socketPath, HandoverSocketPath = handoverPath, ResolutionCacheTtl = cacheTtl });
        proxy.Start();
        return Task.FromResult(new ChildHost(null, proxy, 0));
    }

    public static Task<ChildHost> InProcessBridgeAsync(string socketPath, string? handoverPath)
    {
        var bridge = new EgressBridge(socketPath, new IPEndPoint(IPAddress.Loopback, 0), null, handoverPath);
        bridge.Start();
        return Task.FromResult(new ChildHost(null, bridge, bridge.HttpEndPoint!.Port));
    }

    /// <summary>The child's CPU time so far in microseconds (0 in process: it is counted with the benchmark).</summary>
    public double CpuMicroseconds()
    {
        if (_process is null) return 0;
        _process.Refresh();
        return _process.TotalProcessorTime.TotalMicroseconds;
    }

    /// <summary>The child side: serves until standard input closes (the benchmark ended or died).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        // What th egress serve and th egress bridge do first, before any socket exists.
        SocketTuning.EnableInlineCompletions();
        IAsyncDisposable served;
        int port = 0;
        if (args[0] == "--serve-proxy")
        {
            // --serve-proxy SOCKET HANDOVER|- CACHE-TTL-MS RULE...
            var proxy = new EgressProxy(PinnedNameGate.Parse(args[4..]), new NullSink(),
                new EgressProxyOptions
                {
                    SocketPath = args[1],
                    HandoverSocketPath = args[2] == "-" ? null : args[2],
                    ResolutionCacheTtl = TimeSpan.FromMilliseconds(int.Parse(args[3], CultureInfo.InvariantCulture)),
                });
            proxy.Start();
            served = proxy;
        }
        else
        {
            var bridge = new EgressBridge(args[1], new IPEndPoint(IPAddress.Loopback, 0), null, args[2] == "-" ? null : args[2]);
            bridge.Start();
            port = bridge.HttpEndPoint!.Port;
            served = bridge;
        }
        Console.WriteLine($"ready {port}");
        await Console.In.ReadToEndAsync();
        await served.DisposeAsync();
        if (Environment.GetEnvironmentVariable("EGRESS_BENCH_GC") is not null)
        {
            Console.Error.WriteLine($"{args[0]}: allocated {GC.GetTotalAllocatedBytes(precise: true) / 1048576.0:0.0} MiB, gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}");
        }
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (_inProcess is not null) await _inProcess.DisposeAsync();
        if (_process is null) return;
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10))) _process.Kill();
        _process.Dispose();
    }
}

/// <summary>Drops events: the bench measures the proxy path, not an event sink.</summary>
sealed class NullSink : IEventSink
{
    public void Emit(SmoothEvent e) { }
}
