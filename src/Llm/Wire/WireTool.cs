using System.Text.Json.Serialization;

namespace Smooth.Llm.Wire;

/// <summary>A tool offered in a request.</summary>
public sealed record WireTool
{
    /// <summary>Always <c>function</c>.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }
    /// <summary>The function's name, description and parameter schema.</summary>
    [JsonPropertyName("function")] public WireFunction? Function { get; init; }
}
