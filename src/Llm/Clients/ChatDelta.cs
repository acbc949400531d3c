namespace Smooth.Llm.Clients;

/// <summary>One streamed update: some text, tool call fragments, and at the end the finish reason and usage.</summary>
public sealed record ChatDelta
{
    /// <summary>New text, possibly empty.</summary>
    public string Content { get; init; } = "";
    /// <summary>Tool call fragments.</summary>
    public IReadOnlyList<ToolCallDelta> ToolCalls { get; init; } = [];
    /// <summary>Set on the last update.</summary>
    public string? FinishReason { get; init; }
    /// <summary>Set when the provider reports usage (usually last).</summary>
    public ChatUsage? Usage { get; init; }
    /// <summary>The provider that is answering (set by the router).</summary>
    public string? Provider { get; init; }
    /// <summary>The model that is answering (set by the router).</summary>
    public string? Model { get; init; }
}
