using System.Text.Json.Serialization;

namespace Smooth.Surveillance.Judge;

/// <summary>The JSON object the judge model must answer with.</summary>
internal sealed record JudgeAnswer
{
    [JsonPropertyName("verdict")] public string? Verdict { get; init; }
    [JsonPropertyName("confidence")] public double? Confidence { get; init; }
    [JsonPropertyName("reason")] public string? Reason { get; init; }
}
