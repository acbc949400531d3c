using System.Net.Http.Headers;
using System.Net.Http.Json;
using Smooth.Core;
using Smooth.Core.Net;
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
        var http = UnixSocketHttp.CreateClient(socketPath, TimeSpan.FromSeconds(30));
        http.BaseAddress = new Uri("http://smooth-daemon");
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

    /// <summary>Runs, newest first, filtered by state and pearl.</summary>
    public async Task<IReadOnlyList<Runs.RunRecord>> ListRunsAsync(string? state, string? pearl, int limit, CancellationToken ct)
    {
        var query = $"/v1/runs?limit={limit}" + (state is null ? "" : $"&state={Uri.EscapeDataString(state)}") + (pearl is null ? "" : $"&pearl={Uri.EscapeDataString(pearl)}");
        using var response = await _http.GetAsync(query, ct);
        await ThrowIfErrorAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync(ApiJson.Default.IReadOnlyListRunRecord, ct))!;
    }

    /// <summary>Queues runs for one pearl or for the ready set; returns the runs queued.</summary>
    public async Task<IReadOnlyList<Runs.RunRecord>> DispatchAsync(DispatchRequest request, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync("/v1/runs", request, ApiJson.Default.DispatchRequest, ct);
        await ThrowIfErrorAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync(ApiJson.Default.IReadOnlyListRunRecord, ct))!;
    }

    /// <summary>Sends a control message to a running run.</summary>
    public async Task<RunControlReply> ControlAsync(string runId, RunControlMessage message, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync($"/v1/runs/{Uri.EscapeDataString(runId)}/control", message, ApiJson.Default.RunControlMessage, ct);
        return (await response.Content.ReadFromJsonAsync(ApiJson.Default.RunControlReply, ct))!;
    }

    /// <summary>Cancels a run that has not started; false when it is not queued.</summary>
    public async Task<bool> CancelQueuedAsync(string runId, CancellationToken ct)
    {
        using var response = await _http.PostAsync($"/v1/runs/{Uri.EscapeDataString(runId)}/cancel-queued", null, ct);
        return response.IsSuccessStatusCode;
    }

    private static async Task ThrowIfErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        ApiError? error = null;
        try { error = await response.Content.ReadFromJsonAsync(ApiJson.Default.ApiError, ct); }
        catch (System.Text.Json.JsonException) { }
        throw new SmoothException(error?.Error ?? $"the daemon answered {(int)response.StatusCode}", error?.Hint,
            response.StatusCode == System.Net.HttpStatusCode.NotFound ? ExitCodes.NotFound : ExitCodes.Failure);
    }

    /// <summary>The underlying client, for API calls of other components.</summary>
    public HttpClient Http => _http;

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
