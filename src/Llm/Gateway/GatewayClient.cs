using Smooth.Core.Net;
using Smooth.Llm.Clients;

namespace Smooth.Llm.Gateway;

/// <summary>
/// How an operator reaches the gateway: the OpenAI client over the gateway's Unix socket, authenticated with the
/// run token. Requests name a slot (<c>smooth-coding</c>, ...) as their model.
/// </summary>
public sealed class GatewayClient : IChatModel, IDisposable
{
    private readonly HttpClient _http;
    private readonly OpenAiChatModel _model;
    private readonly string _token;

    /// <summary>Connects to the gateway at <paramref name="socketPath"/> with <paramref name="runToken"/>.</summary>
    public GatewayClient(string socketPath, string runToken, string defaultSlot = Config.ModelSlots.Default, TimeSpan? timeout = null)
    {
        _http = UnixSocketHttp.CreateClient(socketPath);
        _token = runToken;
        _model = new OpenAiChatModel(new Uri("http://localhost/v1"), runToken, defaultSlot, _http, timeout);
    }

    /// <inheritdoc />
    public Task<ChatResponse> CompleteAsync(ChatRequest request, CancellationToken ct) => _model.CompleteAsync(request, ct);

    /// <inheritdoc />
    public IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, CancellationToken ct) => _model.StreamAsync(request, ct);

    /// <summary>What this run has used so far (requests, tokens, cost, budget), as the gateway counts it.</summary>
    public async Task<RunUsage> GetUsageAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost/v1/usage");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _token);
        using var response = await _http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new ChatModelException($"the gateway refused the usage query: HTTP {(int)response.StatusCode}", (int)response.StatusCode, false);
        }
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        return await System.Text.Json.JsonSerializer.DeserializeAsync(body, GatewayJsonContext.Default.RunUsage, ct)
            ?? throw new ChatModelException("the gateway sent an empty usage answer", null, false);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
