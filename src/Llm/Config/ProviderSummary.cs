using System.Text.Json.Serialization;

namespace Smooth.Llm.Config;

/// <summary>A provider as shown by <c>th auth providers</c>: never the key, at most a redacted hint.</summary>
public sealed record ProviderSummary
{
    /// <summary>The provider id.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }
    /// <summary>The API base URL.</summary>
    [JsonPropertyName("api_url")] public required string ApiUrl { get; init; }
    /// <summary><c>openai</c> or <c>anthropic</c>.</summary>
    [JsonPropertyName("api_format")] public required string ApiFormat { get; init; }
    /// <summary>The default model.</summary>
    [JsonPropertyName("default_model")] public required string DefaultModel { get; init; }
    /// <summary>Where the key comes from: <c>file</c>, <c>env:NAME</c> or <c>none</c>.</summary>
    [JsonPropertyName("key_source")] public required string KeySource { get; init; }
    /// <summary>A redacted hint of the key (<c>sk-…abcd</c>), or null when there is none or it is unavailable.</summary>
    [JsonPropertyName("key_hint")] public string? KeyHint { get; init; }
    /// <summary>Whether a key is available now (set in the file, or the variable is set).</summary>
    [JsonPropertyName("key_available")] public required bool KeyAvailable { get; init; }
    /// <summary>Whether this is the default provider.</summary>
    [JsonPropertyName("default")] public required bool IsDefault { get; init; }
}
