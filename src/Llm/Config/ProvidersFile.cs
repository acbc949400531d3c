using System.Text.Json.Serialization;

namespace Smooth.Llm.Config;

/// <summary>The content of <c>~/.smooth/providers.json</c>: providers, routing slots and price overrides.</summary>
public sealed record ProvidersFile
{
    /// <summary>The file format version (1).</summary>
    [JsonPropertyName("version")] public int Version { get; init; } = 1;

    /// <summary>The provider used for slots without a route (set by <c>th auth default</c>).</summary>
    [JsonPropertyName("default_provider")] public string? DefaultProvider { get; init; }

    /// <summary>The configured providers.</summary>
    [JsonPropertyName("providers")] public List<ProviderConfig> Providers { get; init; } = [];

    /// <summary>Slot name to route.</summary>
    [JsonPropertyName("routing")] public Dictionary<string, SlotRoute> Routing { get; init; } = [];

    /// <summary>Price overrides keyed by <c>provider/model</c> or by model name.</summary>
    [JsonPropertyName("prices")] public Dictionary<string, ModelPrice> Prices { get; init; } = [];

    /// <summary>Finds a provider by id, or null.</summary>
    public ProviderConfig? FindProvider(string id) => Providers.Find(p => string.Equals(p.Id, id, StringComparison.Ordinal));
}
