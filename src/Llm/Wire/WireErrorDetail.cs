using System.Text.Json.Serialization;

namespace Smooth.Llm.Wire;

/// <summary>What went wrong, for an HTTP client.</summary>
public sealed record WireErrorDetail
{
    /// <summary>A short machine-readable kind (<c>budget_exceeded</c>, <c>script_mismatch</c>, ...).</summary>
    [JsonPropertyName("type")] public required string Type { get; init; }
    /// <summary>The explanation for a person.</summary>
    [JsonPropertyName("message")] public required string Message { get; init; }
}
