using System.Text.Json.Serialization;

namespace Smooth.Llm.Config;

/// <summary>What a model costs, in US dollars per million tokens.</summary>
public sealed record ModelPrice
{
    /// <summary>Dollars per million input (prompt) tokens.</summary>
    [JsonPropertyName("input_per_mtok")] public decimal InputPerMillion { get; init; }

    /// <summary>Dollars per million output (completion) tokens.</summary>
    [JsonPropertyName("output_per_mtok")] public decimal OutputPerMillion { get; init; }
}
