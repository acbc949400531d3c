namespace Smooth.Llm.Clients;

/// <summary>
/// The one chat interface every model client implements: a direct provider client, the router with retries and
/// fallback, or the gateway client the operator uses from inside a sandbox.
/// </summary>
public interface IChatModel
{
    /// <summary>Sends <paramref name="request"/> and returns the whole answer.</summary>
    Task<ChatResponse> CompleteAsync(ChatRequest request, CancellationToken ct);

    /// <summary>Sends <paramref name="request"/> and yields the answer as it is produced.</summary>
    IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, CancellationToken ct);
}
