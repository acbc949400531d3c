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

    /// <summary>Connects to the gateway at <paramref name="socketPath"/> with <paramref name="runToken"/>.</summary>
    public GatewayClient(string socketPath, string runToken, string defaultSlot = Config.ModelSlots.Default, TimeSpan? timeout = null)
    {
        _http = UnixSocketHttp.CreateClient(socketPath);
        _model = new OpenAiChatModel(new Uri("http://localhost/v1"), runToken, defaultSlot, _http, timeout);
    }

    /// <inheritdoc />
    public Task<ChatResponse> CompleteAsync(ChatRequest request, CancellationToken ct) => _model.CompleteAsync(request, ct);

    /// <inheritdoc />
    public IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, CancellationToken ct) => _model.StreamAsync(request, ct);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
