using System.Text.Json.Serialization;

namespace Smooth.Llm.Wire;

/// <summary>A choice in a response (<see cref="Message"/>) or in a stream chunk (<see cref="Delta"/>).</summary>
public sealed record WireChoice
{
    /// <summary>Always 0 here.</summary>
    [JsonPropertyName("index")] public int Index { get; init; }
    /// <summary>The whole message (non-streaming).</summary>
    [JsonPropertyName("message")] public WireMessage? Message { get; init; }
    /// <summary>The update (streaming).</summary>
    [JsonPropertyName("delta")] public WireMessage? Delta { get; init; }
    /// <summary>Why the model stopped; null until the last chunk.</summary>
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; init; }
}
