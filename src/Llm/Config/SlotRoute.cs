using System.Text.Json.Serialization;

namespace Smooth.Llm.Config;

/// <summary>Where a routing slot goes: a provider and model, and optionally a fallback tried when it keeps failing.</summary>
public sealed record SlotRoute
{
    /// <summary>The provider id.</summary>
    [JsonPropertyName("provider")] public string Provider { get; init; } = "";

    /// <summary>The model name at that provider (the provider's default model when empty).</summary>
    [JsonPropertyName("model")] public string? Model { get; init; }

    /// <summary>The route tried after this one has failed its retries.</summary>
    [JsonPropertyName("fallback")] public SlotRoute? Fallback { get; init; }
}
