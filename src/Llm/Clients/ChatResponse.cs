namespace Smooth.Llm.Clients;

/// <summary>A complete model answer.</summary>
public sealed record ChatResponse
{
    /// <summary>The text.</summary>
    public string Content { get; init; } = "";
    /// <summary>The tool calls, in order.</summary>
    public IReadOnlyList<ToolCall> ToolCalls { get; init; } = [];
    /// <summary>Why the model stopped: <c>stop</c>, <c>tool_calls</c>, <c>length</c>, ...</summary>
    public string FinishReason { get; init; } = "stop";
    /// <summary>Tokens used (zero when the provider did not say).</summary>
    public ChatUsage Usage { get; init; } = ChatUsage.Zero;
    /// <summary>The provider that answered (empty for a direct client).</summary>
    public string Provider { get; init; } = "";
    /// <summary>The model that answered.</summary>
    public string Model { get; init; } = "";
    /// <summary>The cost in US dollars from the price table (0 when the model has no price).</summary>
    public decimal CostUsd { get; init; }
}
