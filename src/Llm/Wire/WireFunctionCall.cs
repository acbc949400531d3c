using System.Text.Json.Serialization;

namespace Smooth.Llm.Wire;

/// <summary>The function part of a tool call.</summary>
public sealed record WireFunctionCall
{
    /// <summary>The tool name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }
    /// <summary>The arguments as JSON text.</summary>
    [JsonPropertyName("arguments")] public string? Arguments { get; init; }
}
