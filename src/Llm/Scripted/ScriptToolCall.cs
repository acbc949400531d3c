using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smooth.Llm.Scripted;

/// <summary>A tool call in a scripted answer.</summary>
public sealed record ScriptToolCall
{
    /// <summary>The call id; <c>call_&lt;turn&gt;_&lt;n&gt;</c> when absent.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }
    /// <summary>The tool name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }
    /// <summary>The arguments: an object (serialised as is) or a string sent verbatim (so malformed arguments can be scripted).</summary>
    [JsonPropertyName("arguments")] public JsonElement? Arguments { get; init; }

    /// <summary>The arguments as JSON text.</summary>
    public string ArgumentsText() => Arguments switch
    {
        null => "{}",
        { ValueKind: JsonValueKind.String } s => s.GetString() ?? "",
        { } e => e.GetRawText(),
    };
}
