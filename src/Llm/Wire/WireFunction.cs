using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smooth.Llm.Wire;

/// <summary>A function tool's definition.</summary>
public sealed record WireFunction
{
    /// <summary>The name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }
    /// <summary>What it does.</summary>
    [JsonPropertyName("description")] public string? Description { get; init; }
    /// <summary>The JSON schema of its parameters.</summary>
    [JsonPropertyName("parameters")] public JsonElement? Parameters { get; init; }
}
