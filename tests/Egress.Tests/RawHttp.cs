using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Smooth.Egress.Tests;

/// <summary>A deliberately small, independent HTTP/1.1 client for talking to the proxy byte by byte.</summary>
public static class RawHttp
{
    public sealed record Response(int Status, Dictionary<string, string> Headers, byte[] Body)
    {
        public string Text => Encoding.UTF8.GetString(Body);
        public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
    }

    public static async Task<NetworkStream> ConnectUnixAsync(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path));
        return new NetworkStream(socket, ownsSocket: true);
    }

    public static async Task<Response> SendAsync(Stream stream, string head, byte[]? body = null, bool headOnly = false)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        if (body is not null) await stream.WriteAsync(body);
        return await ReadResponseAsync(stream, headOnly);
    }

    public static async Task<Response> ReadResponseAsync(Stream stream, bool headOnly = false)
    {
        var headBytes = new List<byte>();
        var one = new byte[1];
        while (!(headBytes.Count >= 4 && headBytes[^1] == '\n' && headBytes[^2] == '\r' && headBytes[^3] == '\n' && headBytes[^4] == '\r'))
        {
            if (await stream.ReadAsync(one) == 0) throw new IOException("closed before the end of the response head: " + Encoding.ASCII.GetString(headBytes.ToArray()));
            headBytes.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString(headBytes.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }
        if (headOnly || status is 204 or 304 || (status >= 100 && status < 200)) return new Response(status, headers, []);
        var bodyStream = new MemoryStream();
        if (headers.TryGetValue("content-length", out var cl))
        {
            var left = long.Parse(cl, CultureInfo.InvariantCulture);
            var buffer = new byte[65536];
            while (left > 0)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)));
                if (n == 0) throw new IOException("closed inside the body");
                bodyStream.Write(buffer, 0, n);
                left -= n;
            }
        }
        else if (headers.TryGetValue("transfer-encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (true)
            {
                var size = Convert.ToInt32((await ReadLineAsync(stream)).Split(';')[0], 16);
                if (size == 0)
                {
                    while ((await ReadLineAsync(stream)).Length > 0) { }
                    break;
                }
                var chunk = new byte[size];
                await stream.ReadExactlyAsync(chunk);
                bodyStream.Write(chunk);
                await ReadLineAsync(stream);
            }
        }
        else
        {
            await stream.CopyToAsync(bodyStream);
        }
        return new Response(status, headers, bodyStream.ToArray());
    }

    private static async Task<string> ReadLineAsync(Stream stream)
    {
        var sb = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0) throw new IOException("closed inside a chunked body");
            if (one[0] == '\n') return sb.ToString().TrimEnd('\r');
            sb.Append((char)one[0]);
        }
    }
}
