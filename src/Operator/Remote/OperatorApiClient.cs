using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Smooth.Core.Net;
using Smooth.Operator.Api;
using Smooth.Operator.Checkpoints;
using Smooth.Operator.Control;
using Smooth.Operator.Events;
using Smooth.Operator.Hooks;
using Smooth.Operator.Tools;

namespace Smooth.Operator.Remote;

/// <summary>
/// The operator's one line to the host: its token-scoped API over a mounted Unix socket. Events are batched and sent
/// in order in the background; checkpoints, guard checks and crew calls are answered before the operator goes on.
/// </summary>
public sealed class OperatorApiClient : IOperatorEvents, ICheckpointSink, IControlSource, IToolGuard, ICrewServices, IAsyncDisposable
{
    /// <summary>Environment variable naming the API socket inside the sandbox.</summary>
    public const string SocketVariable = "SMOOTH_OPERATOR_SOCKET";

    /// <summary>Environment variable holding the run's operator token (removed from the environment once read).</summary>
    public const string TokenVariable = "SMOOTH_OPERATOR_TOKEN";

    private readonly HttpClient _http;
    private readonly Channel<OperatorEvent> _queue = Channel.CreateUnbounded<OperatorEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _sender;
    private long _queued;
    private long _sent;
    private readonly SemaphoreSlim _sentSignal = new(0);
    private volatile TaskCompletionSource _flushNow = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Events of one moment go in one request: each request costs both ends more than the events in it.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(5);

    /// <summary>Connects to <paramref name="socketPath"/> with <paramref name="token"/>.</summary>
    public OperatorApiClient(string socketPath, string token)
    {
        _http = UnixSocketHttp.CreateClient(socketPath, TimeSpan.FromMinutes(10));
        _http.BaseAddress = new Uri("http://operator-api");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _sender = Task.Run(SendLoopAsync);
    }

    /// <summary>The run's spec.</summary>
    public Task<OperatorSpec> GetSpecAsync(CancellationToken ct) => GetAsync("/v1/spec", OperatorApiJson.Default.OperatorSpec, ct);

    /// <inheritdoc />
    public void Emit(OperatorEvent e)
    {
        Interlocked.Increment(ref _queued);
        _queue.Writer.TryWrite(e);
    }

    /// <inheritdoc />
    public async Task FlushAsync(CancellationToken ct)
    {
        var target = Interlocked.Read(ref _queued);
        _flushNow.TrySetResult();
        while (Interlocked.Read(ref _sent) < target)
        {
            if (_sender.IsCompleted) throw new IOException("the event sender stopped; the host is unreachable");
            await _sentSignal.WaitAsync(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    /// <inheritdoc />
    public async Task SaveAsync(Checkpoint checkpoint, CancellationToken ct)
    {
        using var response = await _http.PutAsJsonAsync("/v1/checkpoint", checkpoint, OperatorApiJson.Default.Checkpoint, ct);
        await EnsureAsync(response, ct);
    }

    /// <inheritdoc />
    public async Task<Checkpoint?> LoadAsync(CancellationToken ct)
    {
        using var response = await _http.GetAsync("/v1/checkpoint", ct);
        if (response.StatusCode == HttpStatusCode.NoContent) return null;
        await EnsureAsync(response, ct);
        return await response.Content.ReadFromJsonAsync(OperatorApiJson.Default.Checkpoint, ct);
    }

    /// <inheritdoc />
    public async Task<long> LastEventSeqAsync(CancellationToken ct) =>
        long.Parse((await GetAsync("/v1/events/last", OperatorApiJson.Default.TextBody, ct)).Text, CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ControlMessage>> NextAsync(long afterSeq, CancellationToken ct)
    {
        var batch = await GetAsync($"/v1/control?after={afterSeq.ToString(CultureInfo.InvariantCulture)}", OperatorApiJson.Default.ControlBatch, ct);
        return batch.Messages;
    }

    /// <inheritdoc />
    public async Task<GuardDecision> CheckCallAsync(ToolInvocation call, CancellationToken ct)
    {
        var decision = await PostAsync("/v1/guard/call", new GuardCallRequest(call.CallId, call.Name, call.ArgumentsJson, call.Iteration, call.CheckpointBefore?.Take()),
            OperatorApiJson.Default.GuardCallRequest, OperatorApiJson.Default.GuardDecision, ct);
        if (decision.CheckpointSaved) call.CheckpointBefore?.Confirm();
        return decision;
    }

    /// <inheritdoc />
    public async Task<GuardedResult> ReviewResultAsync(ToolInvocation call, ToolOutcome outcome, CancellationToken ct)
    {
        var result = await PostAsync("/v1/guard/result", new GuardResultRequest(call.CallId, call.Name, call.ArgumentsJson, outcome.Text, outcome.IsError, call.CheckpointWithResult?.Take()),
            OperatorApiJson.Default.GuardResultRequest, OperatorApiJson.Default.GuardedResult, ct);
        if (result.CheckpointSaved) call.CheckpointWithResult?.Confirm();
        return result;
    }

    /// <inheritdoc />
    public async Task<string> ListPearlsAsync(CancellationToken ct) => await GetTextAsync("/v1/pearls", ct);

    /// <inheritdoc />
    public async Task<string> GetPearlAsync(string id, CancellationToken ct) => await GetTextAsync($"/v1/pearls/{Uri.EscapeDataString(id)}", ct);

    /// <inheritdoc />
    public async Task<string> CreateSubPearlAsync(string title, string description, int priority, CancellationToken ct) =>
        (await PostAsync("/v1/pearls", new NewSubPearl(title, description, priority), OperatorApiJson.Default.NewSubPearl, OperatorApiJson.Default.TextBody, ct)).Text;

    /// <inheritdoc />
    public async Task CommentAsync(string id, string body, CancellationToken ct) =>
        await PostAsync($"/v1/pearls/{Uri.EscapeDataString(id)}/comments", new TextBody(body), OperatorApiJson.Default.TextBody, OperatorApiJson.Default.TextBody, ct);

    /// <inheritdoc />
    public async Task<string> RememberAsync(string content, CancellationToken ct) =>
        (await PostAsync("/v1/memory", new TextBody(content), OperatorApiJson.Default.TextBody, OperatorApiJson.Default.TextBody, ct)).Text;

    /// <inheritdoc />
    public Task<string> RecallRecentAsync(int limit, CancellationToken ct) => GetTextAsync($"/v1/memory/recent?limit={limit.ToString(CultureInfo.InvariantCulture)}", ct);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _sender.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is TimeoutException or IOException or HttpRequestException)
        {
        }
        _http.Dispose();
        _sentSignal.Dispose();
    }

    private async Task SendLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<OperatorEvent>();
        while (await reader.WaitToReadAsync())
        {
            var flush = _flushNow;
            if (!flush.Task.IsCompleted) await Task.WhenAny(Task.Delay(Gather), flush.Task);
            if (flush.Task.IsCompleted) _flushNow = new(TaskCreationOptions.RunContinuationsAsynchronously);
            while (batch.Count < 256 && reader.TryRead(out var e)) batch.Add(e);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var response = await _http.PostAsJsonAsync("/v1/events", new EventBatch(batch), OperatorApiJson.Default.EventBatch);
                    await EnsureAsync(response, CancellationToken.None);
                    break;
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException && attempt < 20)
                {
                    // The host may be briefly busy; events are idempotent by sequence number on the host side.
                    await Task.Delay(TimeSpan.FromMilliseconds(50 * (attempt + 1)));
                }
            }
            Interlocked.Add(ref _sent, batch.Count);
            batch.Clear();
            _sentSignal.Release();
        }
    }

    private async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken ct)
    {
        using var response = await _http.GetAsync(path, ct);
        await EnsureAsync(response, ct);
        return await response.Content.ReadFromJsonAsync(type, ct) ?? throw new IOException($"the host sent an empty answer to {path}");
    }

    private async Task<string> GetTextAsync(string path, CancellationToken ct)
    {
        using var response = await _http.GetAsync(path, ct);
        await EnsureAsync(response, ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    private async Task<TOut> PostAsync<TIn, TOut>(string path, TIn body, JsonTypeInfo<TIn> inType, JsonTypeInfo<TOut> outType, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync(path, body, inType, ct);
        await EnsureAsync(response, ct);
        return await response.Content.ReadFromJsonAsync(outType, ct) ?? throw new IOException($"the host sent an empty answer to {path}");
    }

    // 4xx answers carry a message meant for the model (out of scope, unknown pearl): they become tool errors.
    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        string message;
        try
        {
            message = (await response.Content.ReadFromJsonAsync(OperatorApiJson.Default.ApiError, ct))?.Error ?? response.ReasonPhrase ?? "";
        }
        catch (System.Text.Json.JsonException)
        {
            message = response.ReasonPhrase ?? "";
        }
        var code = (int)response.StatusCode;
        if (code is >= 400 and < 500) throw new ToolException(message);
        throw new IOException($"the operator API answered HTTP {code}: {message}");
    }
}
