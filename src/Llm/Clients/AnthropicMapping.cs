using System.Text.Json;
using System.Text.Json.Nodes;

namespace Smooth.Llm.Clients;

/// <summary>
/// Translates the chat interface to and from the Anthropic messages format: system text lifted out, tool results
/// carried in user turns (consecutive ones merged), tool calls as <c>tool_use</c> blocks, and stop reasons mapped.
/// </summary>
public static class AnthropicMapping
{
    /// <summary>The output cap used when a request gives none (Anthropic requires one).</summary>
    public const int DefaultMaxTokens = 4096;

    /// <summary>Builds the request body of <c>POST /v1/messages</c>.</summary>
    public static JsonObject ToRequestBody(ChatRequest request, string model, bool stream)
    {
        var body = new JsonObject
        {
            ["model"] = model,
            ["max_tokens"] = request.MaxTokens ?? DefaultMaxTokens,
        };
        var system = string.Join("\n\n", request.Messages.Where(m => m.Role == ChatRole.System).Select(m => m.Content));
        if (system.Length > 0)
        {
            body["system"] = system;
        }
        var messages = new JsonArray();
        JsonObject? pendingToolResults = null;
        foreach (var m in request.Messages)
        {
            if (m.Role == ChatRole.System)
            {
                continue;
            }
            if (m.Role == ChatRole.Tool)
            {
                if (pendingToolResults is null)
                {
                    pendingToolResults = new JsonObject { ["role"] = "user", ["content"] = new JsonArray() };
                    messages.Add(pendingToolResults);
                }
                ((JsonArray)pendingToolResults["content"]!).Add(new JsonObject
                {
                    ["type"] = "tool_result",
                    ["tool_use_id"] = m.ToolCallId ?? "",
                    ["content"] = m.Content,
                });
                continue;
            }
            pendingToolResults = null;
            if (m.Role == ChatRole.User)
            {
                messages.Add(new JsonObject { ["role"] = "user", ["content"] = m.Content });
                continue;
            }
            var blocks = new JsonArray();
            if (m.Content.Length > 0)
            {
                blocks.Add(new JsonObject { ["type"] = "text", ["text"] = m.Content });
            }
            foreach (var call in m.ToolCalls)
            {
                blocks.Add(new JsonObject
                {
                    ["type"] = "tool_use",
                    ["id"] = call.Id,
                    ["name"] = call.Name,
                    ["input"] = ParseArguments(call.ArgumentsJson),
                });
            }
            if (blocks.Count == 0)
            {
                blocks.Add(new JsonObject { ["type"] = "text", ["text"] = "" });
            }
            messages.Add(new JsonObject { ["role"] = "assistant", ["content"] = blocks });
        }
        body["messages"] = messages;
        if (request.Tools.Count > 0)
        {
            var tools = new JsonArray();
            foreach (var t in request.Tools)
            {
                tools.Add(new JsonObject
                {
                    ["name"] = t.Name,
                    ["description"] = t.Description,
                    ["input_schema"] = JsonNode.Parse(string.IsNullOrWhiteSpace(t.ParametersJsonSchema) ? """{"type":"object"}""" : t.ParametersJsonSchema),
                });
            }
            body["tools"] = tools;
        }
        if (request.Temperature is { } temperature)
        {
            body["temperature"] = temperature;
        }
        if (stream)
        {
            body["stream"] = true;
        }
        return body;
    }

    /// <summary>Maps an Anthropic stop reason to the OpenAI finish reason the chat interface uses.</summary>
    public static string FinishReason(string? stopReason) => stopReason switch
    {
        "tool_use" => "tool_calls",
        "max_tokens" => "length",
        "refusal" => "content_filter",
        _ => "stop",
    };

    /// <summary>Maps an OpenAI finish reason to an Anthropic stop reason.</summary>
    public static string StopReason(string finishReason) => finishReason switch
    {
        "tool_calls" => "tool_use",
        "length" => "max_tokens",
        "content_filter" => "refusal",
        _ => "end_turn",
    };

    /// <summary>Tool arguments as a JSON object; a model's malformed arguments are kept as a string under <c>_raw</c>, not lost.</summary>
    internal static JsonNode ParseArguments(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new JsonObject();
        }
        try
        {
            return JsonNode.Parse(json) is JsonObject o ? o : new JsonObject { ["_raw"] = json };
        }
        catch (JsonException)
        {
            return new JsonObject { ["_raw"] = json };
        }
    }

    /// <summary>Turns a node into the element dictionary the Anthropic SDK takes as a raw body.</summary>
    internal static Dictionary<string, JsonElement> ToRawBody(JsonObject body)
    {
        using var doc = JsonDocument.Parse(body.ToJsonString());
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }
}
