using System.Net.Sockets;

namespace Smooth.Core.Net;

/// <summary>HTTP over a Unix socket: every connection, whatever the URL's host, goes to the socket.</summary>
public static class UnixSocketHttp
{
    /// <summary>A handler connecting to <paramref name="socketPath"/>.</summary>
    public static SocketsHttpHandler CreateHandler(string socketPath) => new()
    {
        ConnectCallback = async (_, ct) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseProxy = false,
    };

    /// <summary>A client whose requests go to <paramref name="socketPath"/> (use any http://localhost/ URL).</summary>
    public static HttpClient CreateClient(string socketPath, TimeSpan? timeout = null) =>
        new(CreateHandler(socketPath)) { Timeout = timeout ?? Timeout.InfiniteTimeSpan };
}
