using System.Net;
using System.Net.Sockets;

/// <summary>
/// A relay in .NET with no parsing and no policy: each Unix-socket connection is piped to one loopback TCP port with
/// two copy loops. Beside floor-relay.c it separates what the runtime's socket engine costs from what the proxy adds.
/// </summary>
static class BlindRelay
{
    public static async Task<int> RunAsync(string socketPath, int port)
    {
        File.Delete(socketPath);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(512);
        _ = Task.Run(async () =>
        {
            while (true)
            {
                var client = await listener.AcceptAsync();
                var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await upstream.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
                _ = PipeAsync(client, upstream);
                _ = PipeAsync(upstream, client);
            }
        });
        Console.WriteLine("ready 0");
        // Console input is read synchronously: the accept loop runs on its own before this blocks.
        await Console.In.ReadToEndAsync();
        return 0;
    }

    private static async Task PipeAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0) await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None);
        }
        catch (SocketException) { }
        from.Dispose();
        to.Dispose();
    }
}
