using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smooth.Llm.Wire;

/// <summary>One OpenAI chat message (request or response side).</summary>
public sealed record WireMessage
{
    /// <summary><c>system</c>, <c>developer</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</summary>
    [JsonPropertyName("role")] public string? Role { get; init; }
    /// <summary>A string, an array of content parts, or null.</summary>
    [JsonPropertyName("content")] public JsonElement? Content { get; init; }
    /// <summary>The assistant's tool calls.</summary>
    [JsonPropertyName("tool_calls")] public List<WireToolCall>? ToolCalls { get; init; }
    /// <summary>For tool messages: the call answered.</summary>
    [JsonPropertyName("tool_call_id")] public string? ToolCallId { get; init; }

    /// <summary>The text of <see cref="Content"/>: the string, or the text parts joined.</summary>
    public string Text()
    {
        if (Content is not { } c) return "";
        if (c.ValueKind == JsonValueKind.String) return c.GetString() ?? "";
        if (c.ValueKind != JsonValueKind.Array) return "";
        var parts = new List<string>();
        foreach (var part in c.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            {
                parts.Add(t.GetString() ?? "");
            }
        }
        return string.Concat(parts);
    }
}
