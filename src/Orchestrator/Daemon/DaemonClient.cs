using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Smooth.Core;
using Smooth.Orchestrator.Api;

namespace Smooth.Orchestrator.Daemon;

/// <summary>Talks to the running daemon over its Unix socket with the user's token.</summary>
public sealed class DaemonClient : IDisposable
{
    private readonly HttpClient _http;

    private DaemonClient(HttpClient http) => _http = http;

    /// <summary>A client for the daemon of <paramref name="paths"/>, or null when no daemon socket exists.</summary>
    public static DaemonClient? TryConnect(DaemonPaths paths)
    {
        if (!File.Exists(paths.Socket) || !File.Exists(paths.Token)) return null;
        var socketPath = paths.Socket;
        var http = new HttpClient(new SocketsHttpHandler
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
        })
        {
            BaseAddress = new Uri("http://smooth-daemon"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(paths.Token).Trim());
        if (Core.Tracing.TraceContext.Current is { } trace) http.DefaultRequestHeaders.Add(Core.Tracing.TraceContext.Header, trace);
        return new DaemonClient(http);
    }

    /// <summary>The daemon's status, or null when nothing answers on the socket.</summary>
    public async Task<StatusReport?> TryStatusAsync(CancellationToken ct)
    {
        try
        {
            return await _http.GetFromJsonAsync("/v1/status", ApiJson.Default.StatusReport, ct);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError)
        {
            return null;
        }
    }

    /// <summary>Asks the daemon to stop.</summary>
    public async Task ShutdownAsync(CancellationToken ct)
    {
        using var response = await _http.PostAsync("/v1/shutdown", null, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new SmoothException($"the daemon refused to stop ({(int)response.StatusCode})", "check ~/.smooth/daemon.log");
        }
    }

    /// <summary>The underlying client, for API calls of other components.</summary>
    public HttpClient Http => _http;

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
