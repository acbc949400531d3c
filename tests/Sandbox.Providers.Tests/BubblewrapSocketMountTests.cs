using System.Net.Sockets;
using System.Text;
using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Providers.Bubblewrap;

namespace Smooth.Sandbox.Providers.Tests;

/// <summary>A host service's Unix socket mounted into the sandbox is the one way out (how egress and host APIs arrive).</summary>
public sealed class BubblewrapSocketMountTests
{
    [Fact]
    public async Task A_mounted_unix_socket_reaches_the_host_service()
    {
        using var h = new SandboxHarness();
        var socketPath = Path.Combine(h.Root, "svc.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen();
        var served = Task.Run(async () =>
        {
            using var client = await listener.AcceptAsync();
            var buffer = new byte[4096];
            await client.ReceiveAsync(buffer);
            await client.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.0 200 OK\r\nContent-Length: 13\r\n\r\nfrom-the-host"));
        });

        var r = await h.ShAsync(new BubblewrapProvider(), "curl -s --unix-socket /run/smooth/svc.sock http://host/ping",
            mounts: [new SandboxMount(socketPath, SandboxPaths.Sockets + "/svc.sock", ReadOnly: false)]);
        await served.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("from-the-host", r.StandardOutput);
    }
}
