using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Smooth.Core;
using Smooth.Core.Events;
using Smooth.Core.Net;
using Smooth.Llm.Clients;
using Smooth.Llm.Config;
using Smooth.Llm.Wire;

namespace Smooth.Llm.Gateway;

/// <summary>
/// The host-side LLM gateway: an OpenAI-compatible <c>POST /v1/chat/completions</c> on a Unix socket. The caller
/// authenticates with its run token and names a slot (or an allowed <c>provider/model</c>); the gateway resolves the
/// route, injects the provider key, translates to Anthropic where needed, streams back, records tokens and cost per
/// run, and refuses a run that has spent its budget. Provider keys never appear in anything it sends or logs.
/// </summary>
public sealed class LlmGateway : IAsyncDisposable
{
    private readonly GatewayOptions _options;
    private readonly SecretScrubber _scrubber;
    private UnixSocketServer? _server;
    private long _sequence;

    private LlmGateway(GatewayOptions options)
    {
        _options = options;
        _scrubber = new SecretScrubber(options.Secrets);
    }

    /// <summary>The socket path.</summary>
    public string SocketPath => _options.SocketPath;

    /// <summary>The runs served (issue tokens here).</summary>
    public RunRegistry Runs => _options.Runs;

    /// <summary>Starts the gateway.</summary>
    public static async Task<LlmGateway> StartAsync(GatewayOptions options, CancellationToken ct)
    {
        var gateway = new LlmGateway(options);
        await gateway.StartCoreAsync(ct);
        return gateway;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    private async Task StartCoreAsync(CancellationToken ct) =>
        _server = await UnixSocketServer.StartAsync(_options.SocketPath, app =>
        {
            app.MapPost("/v1/chat/completions", HandleAsync);
            app.MapGet("/v1/usage", HandleUsageAsync);
            app.MapGet("/health", () => Results.Text("ok"));
        }, ct);

    private async Task HandleAsync(HttpContext http)
    {
        // Continue the caller's trace (the operator's run), so the gateway's events join the run's trace in the audit log.
        var parent = http.Request.Headers[Core.Tracing.TraceContext.Header].ToString();
        using var span = Core.Tracing.TraceContext.Start("gateway.request", Core.Tracing.TraceContext.IsValid(parent) ? parent : null, System.Diagnostics.ActivityKind.Server);
        var ct = http.RequestAborted;
        var auth = http.Request.Headers.Authorization.ToString();
        var account = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? _options.Runs.Find(auth[7..]) : null;
        if (account is null)
        {
            await ErrorAsync(http, 401, "invalid_run_token", "missing or unknown run token", "the host issues one token per run; send it as 'Authorization: Bearer <token>'");
            return;
        }
        WireChatRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(http.Request.Body, WireJsonContext.Default.WireChatRequest, ct);
        }
        catch (JsonException e)
        {
            await ErrorAsync(http, 400, "invalid_request_error", $"the request body is not valid JSON ({e.Path}: {e.Message.Split(" Path:")[0]})", null);
            return;
        }
        if (body?.Model is not { Length: > 0 } model || body.Messages is not { Count: > 0 })
        {
            await ErrorAsync(http, 400, "invalid_request_error", "the request needs 'model' and 'messages'", null);
            return;
        }
        if (!ModelSlots.IsSlot(model) && !(model.Contains('/') && account.MayUse(model)))
        {
            Emit("llm.refused", account, model, ("reason", "model_not_allowed"));
            await ErrorAsync(http, 403, "model_not_allowed", $"model '{model}' is not a routing slot and this run may not name it",
                $"use a slot ({string.Join(", ", ModelSlots.All)}) or ask for '{model}' to be allowed for the run");
            return;
        }
        if (account.IsOverBudget)
        {
            var u = account.Usage;
            Emit("llm.budget_exceeded", account, model, ("cost_usd", Money(u.CostUsd)), ("budget_usd", Money(u.BudgetUsd ?? 0)));
            await ErrorAsync(http, 402, "budget_exceeded",
                $"run '{account.RunId}' has spent ${Money(u.CostUsd)} of its ${Money(u.BudgetUsd ?? 0)} budget; no more model calls",
                "raise the run's budget or end the run");
            return;
        }
        var request = WireMapping.ToChatRequest(body);
        var id = $"chatcmpl-smooth-{Interlocked.Increment(ref _sequence)}";
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var clock = Stopwatch.StartNew();
        try
        {
            if (body.Stream == true)
            {
                await StreamAsync(http, account, request, id, created, clock, ct);
            }
            else
            {
                var response = await _options.Model.CompleteAsync(request, ct);
                account.Record(response.Usage, response.CostUsd);
                Completed(account, model, response.Provider, response.Model, response.Usage, response.CostUsd, clock, stream: false);
                http.Response.ContentType = "application/json";
                http.Response.Headers[OpenAiChatModel.CostHeader] = Money(response.CostUsd);
                http.Response.Headers[OpenAiChatModel.ProviderHeader] = response.Provider;
                var wire = WireMapping.ToWire(response, id, model, created);
                await http.Response.WriteAsync(_scrubber.Scrub(JsonSerializer.Serialize(wire, WireJsonContext.Default.WireChatResponse)), ct);
            }
        }
        catch (Exception e) when (e is ChatModelException or SmoothException && !ct.IsCancellationRequested)
        {
            var message = _scrubber.Scrub(e.Message);
            Emit("llm.failed", account, model, ("error", message));
            Log($"run={account.RunId} model={model} status=failed error={message}");
            if (!http.Response.HasStarted)
            {
                var status = e is SmoothException s ? (s.ExitCode == ExitCodes.NotFound ? 404 : s.ExitCode == ExitCodes.BadInput ? 400 : 503) : 502;
                await ErrorAsync(http, status, "upstream_error", message, e is SmoothException se ? se.Hint : null);
            }
            else
            {
                // Mid-stream: tell the client in-band, then end the stream.
                await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(WireError.Of("upstream_error", message), WireJsonContext.Default.WireError)}\n\n", ct);
            }
        }
    }

    private async Task HandleUsageAsync(HttpContext http)
    {
        var auth = http.Request.Headers.Authorization.ToString();
        var account = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? _options.Runs.Find(auth[7..]) : null;
        if (account is null)
        {
            await ErrorAsync(http, 401, "invalid_run_token", "missing or unknown run token", null);
            return;
        }
        http.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(http.Response.Body, account.Usage, GatewayJsonContext.Default.RunUsage, http.RequestAborted);
    }

    private async Task StreamAsync(HttpContext http, RunAccount account, ChatRequest request, string id, long created, Stopwatch clock, CancellationToken ct)
    {
        var model = request.Model;
        var first = true;
        ChatUsage? usage = null;
        string provider = "", routeModel = "";
        await foreach (var delta in _options.Model.StreamAsync(request, ct))
        {
            if (first)
            {
                http.Response.StatusCode = 200;
                http.Response.ContentType = "text/event-stream";
                http.Response.Headers.CacheControl = "no-cache";
            }
            provider = delta.Provider ?? provider;
            routeModel = delta.Model ?? routeModel;
            usage = delta.Usage ?? usage;
            var chunk = WireMapping.ToChunk(delta with { Usage = null }, id, model, created, first);
            first = false;
            if (delta.Content.Length > 0 || delta.ToolCalls.Count > 0 || delta.FinishReason is not null || chunk.Choices[0].Delta?.Role is not null)
            {
                await WriteEventAsync(http, JsonSerializer.Serialize(chunk, WireJsonContext.Default.WireChatResponse), ct);
            }
        }
        var final = usage ?? ChatUsage.Zero;
        var cost = _options.Prices.Cost(provider, routeModel, final);
        account.Record(final, cost);
        Completed(account, model, provider, routeModel, final, cost, clock, stream: true);
        var usageChunk = new WireChatResponse { Id = id, Object = "chat.completion.chunk", Created = created, Model = model, Choices = [], Usage = WireMapping.Usage(final) };
        await WriteEventAsync(http, JsonSerializer.Serialize(usageChunk, WireJsonContext.Default.WireChatResponse), ct);
        await WriteEventAsync(http, "[DONE]", ct);
    }

    private async Task WriteEventAsync(HttpContext http, string data, CancellationToken ct)
    {
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("data: " + _scrubber.Scrub(data) + "\n\n"), ct);
        await http.Response.Body.FlushAsync(ct);
    }

    private void Completed(RunAccount account, string slot, string provider, string model, ChatUsage usage, decimal cost, Stopwatch clock, bool stream)
    {
        Emit("llm.response", account, slot,
            ("route", $"{provider}/{model}"), ("input_tokens", usage.InputTokens.ToString(CultureInfo.InvariantCulture)),
            ("output_tokens", usage.OutputTokens.ToString(CultureInfo.InvariantCulture)), ("cost_usd", Money(cost)),
            ("stream", stream ? "true" : "false"), ("duration_ms", clock.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture)));
        Log($"run={account.RunId} model={slot} route={provider}/{model} stream={stream} in={usage.InputTokens} out={usage.OutputTokens} cost_usd={Money(cost)} ms={clock.ElapsedMilliseconds}");
    }

    private void Emit(string type, RunAccount account, string model, params (string Key, string Value)[] attributes)
    {
        if (_options.Events is not { } sink) return;
        var dict = new Dictionary<string, string> { ["run"] = account.RunId, ["model"] = model };
        foreach (var (k, v) in attributes) dict[k] = _scrubber.Scrub(v);
        sink.Emit(SmoothEvent.Create(type, "llm", dict));
    }

    private void Log(string line)
    {
        if (_options.Log is not { } log) return;
        lock (log)
        {
            log.WriteLine("llm-gateway: " + _scrubber.Scrub(line));
            log.Flush();
        }
    }

    private async Task ErrorAsync(HttpContext http, int status, string type, string message, string? hint)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        var text = hint is null ? message : $"{message} (hint: {hint})";
        await http.Response.WriteAsync(_scrubber.Scrub(JsonSerializer.Serialize(WireError.Of(type, text), WireJsonContext.Default.WireError)), http.RequestAborted);
    }

    private static string Money(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
