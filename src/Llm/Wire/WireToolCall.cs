using System.Text.Json.Serialization;

namespace Smooth.Llm.Wire;

/// <summary>An OpenAI tool call (in a message, or a fragment in a stream chunk).</summary>
public sealed record WireToolCall
{
    /// <summary>Position in the answer (stream chunks only).</summary>
    [JsonPropertyName("index")] public int? Index { get; init; }
    /// <summary>The call id.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }
    /// <summary>Always <c>function</c>.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }
    /// <summary>The function name and arguments.</summary>
    [JsonPropertyName("function")] public WireFunctionCall? Function { get; init; }
}
