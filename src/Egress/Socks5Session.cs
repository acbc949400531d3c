using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Smooth.Egress;

/// <summary>
/// One SOCKS5 client (RFC 1928, no authentication, CONNECT only): the requested name or address is passed to the
/// proxy as an HTTP CONNECT, so the same gate and address rules apply and names are resolved outside the sandbox.
/// </summary>
internal static class Socks5Session
{
    /// <summary>Serves one SOCKS5 connection.</summary>
    public static async Task RunAsync(Socket client, Func<CancellationToken, Task<Socket>> connectProxy, CancellationToken ct)
    {
        await using var clientStream = new NetworkStream(client, ownsSocket: false);
        var reader = new BufferedReader(clientStream, 4096);

        var greeting = await ReadExactAsync(reader, 2, ct);
        if (greeting[0] != 5) return;
        var methods = await ReadExactAsync(reader, greeting[1], ct);
        if (!methods.Contains((byte)0))
        {
            await clientStream.WriteAsync(new byte[] { 5, 0xff }, ct);
            return;
        }
        await clientStream.WriteAsync(new byte[] { 5, 0 }, ct);

        var request = await ReadExactAsync(reader, 4, ct);
        if (request[0] != 5) return;
        string host;
        switch (request[3])
        {
            case 1:
                host = new IPAddress(await ReadExactAsync(reader, 4, ct)).ToString();
                break;
            case 4:
                host = "[" + new IPAddress(await ReadExactAsync(reader, 16, ct)) + "]";
                break;
            case 3:
                var length = (await ReadExactAsync(reader, 1, ct))[0];
                host = Encoding.ASCII.GetString(await ReadExactAsync(reader, length, ct));
                break;
            default:
                await ReplyAsync(clientStream, 8, ct); // address type not supported
                return;
        }
        var port = BinaryPrimitives.ReadUInt16BigEndian(await ReadExactAsync(reader, 2, ct));
        if (request[1] != 1)
        {
            await ReplyAsync(clientStream, 7, ct); // only CONNECT
            return;
        }
        if (host.IndexOfAny(['\r', '\n', ' ']) >= 0)
        {
            await ReplyAsync(clientStream, 1, ct);
            return;
        }

        using var proxy = await connectProxy(ct);
        await using var proxyStream = new NetworkStream(proxy, ownsSocket: false);
        var authority = $"{host}:{port}";
        await proxyStream.WriteAsync(Encoding.ASCII.GetBytes($"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n\r\n"), ct);
        var proxyReader = new BufferedReader(proxyStream, 16 * 1024);
        var headBytes = await proxyReader.ReadHeadAsync(16 * 1024, ct);
        if (headBytes is null)
        {
            await ReplyAsync(clientStream, 1, ct);
            return;
        }
        var head = HttpHead.Parse(headBytes, isRequest: false);
        if (head.Part2 != "200")
        {
            // 403 = not allowed by the rule set; 502/504 = host unreachable.
            await ReplyAsync(clientStream, head.Part2 == "403" ? (byte)2 : head.Part2 is "502" or "504" ? (byte)4 : (byte)1, ct);
            return;
        }
        await ReplyAsync(clientStream, 0, ct);
        await Relay.RunAsync(reader, clientStream, client, proxyReader, proxyStream, proxy, ct);
    }

    private static async Task ReplyAsync(Stream stream, byte code, CancellationToken ct) =>
        await stream.WriteAsync(new byte[] { 5, code, 0, 1, 0, 0, 0, 0, 0, 0 }, ct);

    private static async Task<byte[]> ReadExactAsync(BufferedReader reader, int count, CancellationToken ct)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await reader.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0) throw new IOException("SOCKS client closed the connection");
            read += n;
        }
        return buffer;
    }
}
