using System.Text.Json.Serialization;

namespace Smooth.Llm.Scripted;

/// <summary>A fault injected on a turn.</summary>
public sealed record ScriptFault
{
    /// <summary>Answer with this HTTP status (429, 500, ...) and an error body instead of the response.</summary>
    [JsonPropertyName("status")] public int? Status { get; init; }
    /// <summary>Wait this long before answering.</summary>
    [JsonPropertyName("delay_ms")] public int? DelayMs { get; init; }
    /// <summary>Close the connection after this many stream events (or halfway through a non-streamed body).</summary>
    [JsonPropertyName("cut_stream_after")] public int? CutStreamAfter { get; init; }
    /// <summary>Send a body (or a stream event) that is not valid JSON.</summary>
    [JsonPropertyName("malformed_json")] public bool? MalformedJson { get; init; }
}
