using System.Text.Json.Serialization;

namespace Smooth.Llm.Wire;

/// <summary>An OpenAI chat completion, or one <c>chat.completion.chunk</c> of a stream.</summary>
public sealed record WireChatResponse
{
    /// <summary>The completion id.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }
    /// <summary><c>chat.completion</c> or <c>chat.completion.chunk</c>.</summary>
    [JsonPropertyName("object")] public required string Object { get; init; }
    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("created")] public long Created { get; init; }
    /// <summary>The model that answered.</summary>
    [JsonPropertyName("model")] public required string Model { get; init; }
    /// <summary>The choices (one).</summary>
    [JsonPropertyName("choices")] public required List<WireChoice> Choices { get; init; }
    /// <summary>Token usage (non-streaming, or the last chunk).</summary>
    [JsonPropertyName("usage")] public WireUsage? Usage { get; init; }
}
