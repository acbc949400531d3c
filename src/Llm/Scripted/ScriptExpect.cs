using System.Text.Json.Serialization;

namespace Smooth.Llm.Scripted;

/// <summary>Checks on a received request. Every check set must hold.</summary>
public sealed record ScriptExpect
{
    /// <summary>The model name sent.</summary>
    [JsonPropertyName("model")] public string? Model { get; init; }
    /// <summary>The API key received (bearer token or x-api-key), compared exactly.</summary>
    [JsonPropertyName("api_key")] public string? ApiKey { get; init; }
    /// <summary>A regex the last user message must match.</summary>
    [JsonPropertyName("last_user_matches")] public string? LastUserMatches { get; init; }
    /// <summary>A string the last tool result must contain.</summary>
    [JsonPropertyName("last_tool_result_contains")] public string? LastToolResultContains { get; init; }
    /// <summary>A string no message may contain (for redaction checks).</summary>
    [JsonPropertyName("nothing_contains")] public string? NothingContains { get; init; }
    /// <summary>The role of the last message (<c>user</c>, <c>tool</c>, <c>assistant</c>, <c>system</c>).</summary>
    [JsonPropertyName("last_role")] public string? LastRole { get; init; }
    /// <summary>Tool names that must be offered.</summary>
    [JsonPropertyName("tools_include")] public List<string>? ToolsInclude { get; init; }
    /// <summary>The exact number of messages (system included).</summary>
    [JsonPropertyName("message_count")] public int? MessageCount { get; init; }
    /// <summary>Whether the request must (true) or must not (false) be streaming.</summary>
    [JsonPropertyName("stream")] public bool? Stream { get; init; }
}
