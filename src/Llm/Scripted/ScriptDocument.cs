using System.Text.Json.Serialization;

namespace Smooth.Llm.Scripted;

/// <summary>A script for the scripted model server: the turns it replays, one per request, in order.</summary>
public sealed record ScriptDocument
{
    /// <summary>A name shown in errors and logs.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }
    /// <summary>The turns.</summary>
    [JsonPropertyName("turns")] public List<ScriptTurn> Turns { get; init; } = [];
}
