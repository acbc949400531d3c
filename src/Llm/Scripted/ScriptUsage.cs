using System.Text.Json.Serialization;

namespace Smooth.Llm.Scripted;

/// <summary>Token counts a turn reports.</summary>
public sealed record ScriptUsage
{
    /// <summary>Prompt tokens.</summary>
    [JsonPropertyName("prompt_tokens")] public long PromptTokens { get; init; }
    /// <summary>Completion tokens.</summary>
    [JsonPropertyName("completion_tokens")] public long CompletionTokens { get; init; }
}
