using Smooth.Llm.Clients;

namespace Smooth.Operator.Tests;

/// <summary>Puts a price on the scripted model's answers (per million input tokens), as the gateway's price table does.</summary>
internal sealed class PricedModel(IChatModel inner, decimal usdPerMillionInput) : IChatModel
{
    public async Task<ChatResponse> CompleteAsync(ChatRequest request, CancellationToken ct)
    {
        var r = await inner.CompleteAsync(request, ct);
        return r with { CostUsd = r.Usage.InputTokens * usdPerMillionInput / 1_000_000m };
    }

    public IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, CancellationToken ct) => inner.StreamAsync(request, ct);
}
