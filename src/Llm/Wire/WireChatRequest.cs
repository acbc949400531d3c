using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smooth.Llm.Wire;

/// <summary>The body of an OpenAI <c>POST /v1/chat/completions</c> request (the fields Smooth reads).</summary>
public sealed record WireChatRequest
{
    /// <summary>The model (for the gateway: a slot or provider/model).</summary>
    [JsonPropertyName("model")] public string? Model { get; init; }
    /// <summary>The conversation.</summary>
    [JsonPropertyName("messages")] public List<WireMessage>? Messages { get; init; }
    /// <summary>The tools offered.</summary>
    [JsonPropertyName("tools")] public List<WireTool>? Tools { get; init; }
    /// <summary>Whether to stream server-sent events.</summary>
    [JsonPropertyName("stream")] public bool? Stream { get; init; }
    /// <summary>Legacy output cap.</summary>
    [JsonPropertyName("max_tokens")] public int? MaxTokens { get; init; }
    /// <summary>Output cap.</summary>
    [JsonPropertyName("max_completion_tokens")] public int? MaxCompletionTokens { get; init; }
    /// <summary>Sampling temperature.</summary>
    [JsonPropertyName("temperature")] public float? Temperature { get; init; }
    /// <summary>Stream options (<c>include_usage</c>).</summary>
    [JsonPropertyName("stream_options")] public JsonElement? StreamOptions { get; init; }
}
