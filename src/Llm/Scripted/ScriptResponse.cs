using System.Text.Json.Serialization;

namespace Smooth.Llm.Scripted;

/// <summary>What the model answers on a turn.</summary>
public sealed record ScriptResponse
{
    /// <summary>The text.</summary>
    [JsonPropertyName("content")] public string? Content { get; init; }
    /// <summary>The tool calls.</summary>
    [JsonPropertyName("tool_calls")] public List<ScriptToolCall>? ToolCalls { get; init; }
    /// <summary>The finish reason; defaults to <c>tool_calls</c> when there are calls, else <c>stop</c>.</summary>
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; init; }
    /// <summary>The usage reported; estimated from lengths when absent.</summary>
    [JsonPropertyName("usage")] public ScriptUsage? Usage { get; init; }
}
