using System.Text.Json.Serialization;

namespace Smooth.Llm.Config;

/// <summary>The JSON shape of <c>th auth providers --json</c>.</summary>
public sealed record ProvidersReport
{
    /// <summary>The providers.</summary>
    [JsonPropertyName("providers")] public required List<ProviderSummary> Providers { get; init; }
    /// <summary>Slot to <c>provider/model</c> (with <c> -> fallback</c> chain), for every slot.</summary>
    [JsonPropertyName("routing")] public required Dictionary<string, string> Routing { get; init; }
}
