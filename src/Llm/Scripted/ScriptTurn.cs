using System.Text.Json.Serialization;

namespace Smooth.Llm.Scripted;

/// <summary>One request/response exchange: what the request must look like, what to answer, and any fault to inject.</summary>
public sealed record ScriptTurn
{
    /// <summary>Checks on the request; a failed check answers HTTP 422 with a diff.</summary>
    [JsonPropertyName("expect")] public ScriptExpect? Expect { get; init; }
    /// <summary>The answer.</summary>
    [JsonPropertyName("respond")] public ScriptResponse? Respond { get; init; }
    /// <summary>A fault to inject instead of, or while, answering.</summary>
    [JsonPropertyName("fault")] public ScriptFault? Fault { get; init; }
}
