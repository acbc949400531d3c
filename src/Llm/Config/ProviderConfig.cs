using System.Text.Json.Serialization;

namespace Smooth.Llm.Config;

/// <summary>One model provider in <c>providers.json</c>: where it is, how to authenticate, which format it speaks.</summary>
public sealed record ProviderConfig
{
    /// <summary>The provider's id, used in routes (<c>provider/model</c>).</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The API base URL (for example <c>https://api.openai.com/v1</c>).</summary>
    [JsonPropertyName("api_url")] public string ApiUrl { get; init; } = "";

    /// <summary>The API key itself (the file is 0600); mutually exclusive with <see cref="ApiKeyEnv"/>.</summary>
    [JsonPropertyName("api_key")] public string? ApiKey { get; init; }

    /// <summary>The name of an environment variable holding the API key.</summary>
    [JsonPropertyName("api_key_env")] public string? ApiKeyEnv { get; init; }

    /// <summary>The wire format: <c>openai</c> or <c>anthropic</c>.</summary>
    [JsonPropertyName("api_format")] public ApiFormat ApiFormat { get; init; } = ApiFormat.OpenAI;

    /// <summary>The model used when a route names only this provider.</summary>
    [JsonPropertyName("default_model")] public string DefaultModel { get; init; } = "";

    /// <summary>True when the provider needs no key (a local Ollama).</summary>
    [JsonPropertyName("no_key")] public bool NoKey { get; init; }

    /// <summary>
    /// How long one attempt may take before it counts as a timeout (retried, then the slot's fallback); default 300 s.
    /// Raise it for a slow local model, lower it to fail over sooner.
    /// </summary>
    [JsonPropertyName("timeout_seconds")] public int? TimeoutSeconds { get; init; }

    /// <summary>The longest <see cref="TimeoutSeconds"/> accepted.</summary>
    public const int MaxTimeoutSeconds = 3600;
}
