using System.Text.Json.Serialization;

namespace Smooth.Llm.Config;

/// <summary>The wire format a provider speaks.</summary>
public enum ApiFormat
{
    /// <summary>OpenAI chat completions (also Google, Kimi, OpenRouter, Ollama and most others).</summary>
    [JsonStringEnumMemberName("openai")]
    OpenAI,
    /// <summary>Anthropic messages.</summary>
    [JsonStringEnumMemberName("anthropic")]
    Anthropic,
}
