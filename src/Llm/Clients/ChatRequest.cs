namespace Smooth.Llm.Clients;

/// <summary>A request to a chat model.</summary>
public sealed record ChatRequest
{
    /// <summary>The model: a routing slot, <c>provider/model</c>, or (for a direct client) the provider's model name.</summary>
    public required string Model { get; init; }
    /// <summary>The conversation so far.</summary>
    public required IReadOnlyList<ChatMessage> Messages { get; init; }
    /// <summary>The tools the model may call.</summary>
    public IReadOnlyList<ToolDefinition> Tools { get; init; } = [];
    /// <summary>The cap on output tokens, or null for the provider's default (Anthropic needs one; 4096 is used).</summary>
    public int? MaxTokens { get; init; }
    /// <summary>Sampling temperature, or null for the default.</summary>
    public float? Temperature { get; init; }
}
