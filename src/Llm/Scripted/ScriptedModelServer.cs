using Smooth.Core.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smooth.Llm.Gateway;
using Smooth.Llm.Wire;

namespace Smooth.Llm.Scripted;

/// <summary>
/// The scripted model server: a real OpenAI-compatible (and Anthropic-compatible) HTTP server on Kestrel that
/// answers each request with the next turn of a script, checks what it received, and injects faults. Start it
/// in-process with <see cref="StartAsync"/>; point a client at <see cref="BaseUrl"/> (and, for a Unix socket,
/// <see cref="CreateHttpClient"/>).
/// </summary>
public sealed class ScriptedModelServer : IAsyncDisposable
{
    private readonly ScriptDocument _script;
    private readonly TextWriter? _log;
    private readonly Lock _gate = new();
    private readonly List<ObservedRequest> _requests = [];
    private readonly List<ScriptMismatch> _mismatches = [];
    private WebApplication? _app;
    private int _next;

    private ScriptedModelServer(ScriptDocument script, TextWriter? log)
    {
        _script = script;
        _log = log;
    }

    /// <summary>The OpenAI base URL (ends in <c>/v1</c>). For a Unix socket the host is a placeholder; use <see cref="CreateHttpClient"/>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The Anthropic base URL (without <c>/v1</c>).</summary>
    public Uri AnthropicBaseUrl => new(BaseUrl.ToString().TrimEnd('/')[..^3]);

    /// <summary>The Unix socket path, when listening on one.</summary>
    public string? SocketPath { get; private set; }

    /// <summary>Requests received so far, in order.</summary>
    public IReadOnlyList<ObservedRequest> Requests { get { lock (_gate) return _requests.ToList(); } }

    /// <summary>Departures from the script so far.</summary>
    public IReadOnlyList<ScriptMismatch> Mismatches { get { lock (_gate) return _mismatches.ToList(); } }

    /// <summary>How many turns have been used.</summary>
    public int TurnsServed { get { lock (_gate) return Math.Min(_next, _script.Turns.Count); } }

    /// <summary>Starts serving <paramref name="script"/> on <paramref name="listen"/>; mismatches are also written to <paramref name="log"/>.</summary>
    public static async Task<ScriptedModelServer> StartAsync(ScriptDocument script, ListenAddress listen, TextWriter? log = null, CancellationToken ct = default)
    {
        var server = new ScriptedModelServer(script, log);
        await server.StartCoreAsync(listen, ct);
        return server;
    }

    /// <summary>An HTTP client that reaches this server (over its Unix socket when it has one). The caller disposes it.</summary>
    public HttpClient CreateHttpClient() => SocketPath is null ? new HttpClient() : UnixSocketHttp.CreateClient(SocketPath);

    /// <summary>Throws when the conversation departed from the script or turns were left unused.</summary>
    public void AssertCompleted()
    {
        lock (_gate)
        {
            if (_mismatches.Count > 0)
            {
                throw new InvalidOperationException(string.Join("\n", _mismatches.Select(m => m.Describe(_script.Name))));
            }
            if (_next < _script.Turns.Count)
            {
                throw new InvalidOperationException($"script used {_next} of {_script.Turns.Count} turns");
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (SocketPath is not null)
        {
            try { File.Delete(SocketPath); } catch (IOException) { }
        }
    }

    private async Task StartCoreAsync(ListenAddress listen, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            if (listen.UnixSocketPath is { } path)
            {
                if (File.Exists(path)) File.Delete(path);
                k.ListenUnixSocket(path);
            }
            else
            {
                k.Listen(listen.Address, listen.Port);
            }
        });
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", HandleOpenAiAsync);
        app.MapPost("/v1/messages", HandleAnthropicAsync);
        app.MapGet("/health", () => Results.Text("ok"));
        await app.StartAsync(ct);
        _app = app;
        if (listen.UnixSocketPath is { } socket)
        {
            SocketPath = socket;
            BaseUrl = new Uri("http://localhost/v1");
        }
        else
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        }
    }

    private async Task HandleOpenAiAsync(HttpContext http)
    {
        WireChatRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(http.Request.Body, WireJsonContext.Default.WireChatRequest, http.RequestAborted);
        }
        catch (JsonException e)
        {
            await ErrorAsync(http, 400, "invalid_request_error", $"request body is not valid JSON: {e.Message}");
            return;
        }
        if (body is null)
        {
            await ErrorAsync(http, 400, "invalid_request_error", "empty request body");
            return;
        }
        var auth = http.Request.Headers.Authorization.ToString();
        var key = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : null;
        var (turn, index) = Take();
        var observed = RequestReader.OpenAi(body, index, key);
        await ServeAsync(http, turn, observed, OpenAiRenderer.WriteAsync);
    }

    private async Task HandleAnthropicAsync(HttpContext http)
    {
        JsonElement body;
        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            body = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            await ErrorAsync(http, 400, "invalid_request_error", $"request body is not valid JSON: {e.Message}");
            return;
        }
        // Anthropic clients send the key as x-api-key or (this SDK version) as a bearer token.
        var key = http.Request.Headers["x-api-key"].ToString();
        var bearer = http.Request.Headers.Authorization.ToString();
        if (key.Length == 0 && bearer.StartsWith("Bearer ", StringComparison.Ordinal)) key = bearer[7..];
        var (turn, index) = Take();
        var observed = RequestReader.Anthropic(body, index, string.IsNullOrEmpty(key) ? null : key);
        await ServeAsync(http, turn, observed, AnthropicRenderer.WriteAsync);
    }

    private (ScriptTurn? Turn, int Index) Take()
    {
        lock (_gate)
        {
            var index = _next++;
            return (index < _script.Turns.Count ? _script.Turns[index] : null, index);
        }
    }

    private async Task ServeAsync(HttpContext http, ScriptTurn? turn, ObservedRequest observed, Func<HttpContext, ScriptAnswer, ObservedRequest, ScriptFault?, Task> render)
    {
        lock (_gate) _requests.Add(observed);
        if (turn is null)
        {
            var mismatch = new ScriptMismatch(observed.Turn, "turn_count", $"at most {_script.Turns.Count} requests", $"request #{observed.Turn + 1}");
            await MismatchAsync(http, mismatch, 500);
            return;
        }
        if (ScriptChecker.Check(turn.Expect, observed) is { } failed)
        {
            await MismatchAsync(http, failed, 422);
            return;
        }
        var fault = turn.Fault;
        if (fault?.DelayMs is > 0 and var delay)
        {
            await Task.Delay(delay, http.RequestAborted);
        }
        if (fault?.Status is { } status)
        {
            if (status == 429) http.Response.Headers.RetryAfter = "0";
            await ErrorAsync(http, status, status == 429 ? "rate_limit_error" : "scripted_fault", $"scripted fault on turn {observed.Turn + 1}: HTTP {status}");
            return;
        }
        await render(http, ScriptAnswer.From(turn.Respond!, observed.Turn, observed), observed, fault);
    }

    private async Task MismatchAsync(HttpContext http, ScriptMismatch mismatch, int status)
    {
        lock (_gate) _mismatches.Add(mismatch);
        var text = mismatch.Describe(_script.Name);
        if (_log is not null)
        {
            await _log.WriteLineAsync("scripted-model: " + text.Replace("\n", "\n  ", StringComparison.Ordinal));
            await _log.FlushAsync();
        }
        await ErrorAsync(http, status, "script_mismatch", text);
    }

    internal static async Task ErrorAsync(HttpContext http, int status, string type, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(http.Response.Body, WireError.Of(type, message), WireJsonContext.Default.WireError, http.RequestAborted);
    }

    /// <summary>Writes a whole JSON body, honouring the cut and malformed faults.</summary>
    internal static async Task WriteBodyAsync(HttpContext http, string json, ScriptFault? fault)
    {
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        if (fault?.MalformedJson == true)
        {
            json = json[..(json.Length / 2)];
        }
        var bytes = Encoding.UTF8.GetBytes(json);
        if (fault?.CutStreamAfter is not null)
        {
            http.Response.ContentLength = bytes.Length;
            await http.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
            http.Abort();
            return;
        }
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }

    internal static string Json(JsonNode node) => node.ToJsonString();
}
