using System.Text.Json.Serialization;

namespace Smooth.Llm.Wire;

/// <summary>An OpenAI-style error body: <c>{"error": {...}}</c>.</summary>
public sealed record WireError
{
    /// <summary>The error.</summary>
    [JsonPropertyName("error")] public required WireErrorDetail Error { get; init; }

    /// <summary>Creates an error body.</summary>
    public static WireError Of(string type, string message) => new() { Error = new WireErrorDetail { Type = type, Message = message } };
}
