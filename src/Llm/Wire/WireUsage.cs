using System.Text.Json.Serialization;

namespace Smooth.Llm.Wire;

/// <summary>Token usage in an OpenAI response.</summary>
public sealed record WireUsage
{
    /// <summary>Prompt tokens.</summary>
    [JsonPropertyName("prompt_tokens")] public long PromptTokens { get; init; }
    /// <summary>Completion tokens.</summary>
    [JsonPropertyName("completion_tokens")] public long CompletionTokens { get; init; }
    /// <summary>Their sum.</summary>
    [JsonPropertyName("total_tokens")] public long TotalTokens { get; init; }
}
