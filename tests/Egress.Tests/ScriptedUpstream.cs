using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Smooth.Egress.Tests;

/// <summary>
/// A raw HTTP/1.1 upstream on 127.0.0.1 that records every request exactly as it arrived and answers with what the test
/// scripts, written in the pieces it gives (so a response can arrive in several reads), for byte-exact checks.
/// </summary>
public sealed class ScriptedUpstream : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, IReadOnlyList<byte[]>> _answer;
    private readonly bool _closeAfterEach;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    /// <param name="answer">The response to a request (given as its head text), as the pieces to write.</param>
    /// <param name="closeAfterEach">Close the connection after each response without saying so (an idle upstream that went away).</param>
    public ScriptedUpstream(Func<string, IReadOnlyList<byte[]>> answer, bool closeAfterEach = false)
    {
        _answer = answer;
        _closeAfterEach = closeAfterEach;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Authority => $"127.0.0.1:{Port}";

    /// <summary>Every request as received, head and body, in order.</summary>
    public ConcurrentQueue<byte[]> Requests { get; } = new();

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>A response with a Content-Length body, written in one piece.</summary>
    public static IReadOnlyList<byte[]> Length(string body) =>
        [Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\n\r\n{body}")];

    /// <summary>A chunked response whose last chunk comes in a separate write, as Kestrel often sends a small one.</summary>
    public static IReadOnlyList<byte[]> Chunked(string body) =>
        [Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n{body.Length:x}\r\n{body}\r\n"), "0\r\n\r\n"u8.ToArray()];

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                _ = ServeAsync(socket);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        var buffered = new List<byte>();
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                int end;
                while ((end = IndexOfBlankLine(buffered)) < 0)
                {
                    var n = await stream.ReadAsync(buffer, _stop.Token);
                    if (n == 0) return;
                    buffered.AddRange(buffer.AsSpan(0, n));
                }
                var head = Encoding.ASCII.GetString([.. buffered.Take(end)]);
                var length = ContentLength(head);
                while (buffered.Count < end + length)
                {
                    var n = await stream.ReadAsync(buffer, _stop.Token);
                    if (n == 0) return;
                    buffered.AddRange(buffer.AsSpan(0, n));
                }
                Requests.Enqueue([.. buffered.Take(end + length)]);
                buffered.RemoveRange(0, end + length);
                foreach (var piece in _answer(head))
                {
                    await stream.WriteAsync(piece, _stop.Token);
                    await Task.Delay(5, _stop.Token);
                }
                if (_closeAfterEach)
                {
                    // The end of the stream, not a reset: the proxy's next request still goes out, and reads nothing back.
                    socket.Shutdown(SocketShutdown.Send);
                    while (await stream.ReadAsync(buffer, _stop.Token) > 0) { }
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException) { }
    }

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 3; i < bytes.Count; i++)
        {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') return i + 1;
        }
        return -1;
    }

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) return int.Parse(line[15..].Trim(), CultureInfo.InvariantCulture);
        }
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
