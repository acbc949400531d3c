using System.Text.Json;
using Smooth.Llm.Clients;

namespace Smooth.Llm.Wire;

/// <summary>Converts between the OpenAI wire format and the chat interface.</summary>
public static class WireMapping
{
    /// <summary>The chat request carried by <paramref name="wire"/> (the model is kept as sent).</summary>
    public static ChatRequest ToChatRequest(WireChatRequest wire)
    {
        var messages = new List<ChatMessage>();
        foreach (var m in wire.Messages ?? [])
        {
            var role = m.Role switch
            {
                "system" or "developer" => ChatRole.System,
                "assistant" => ChatRole.Assistant,
                "tool" => ChatRole.Tool,
                _ => ChatRole.User,
            };
            messages.Add(new ChatMessage
            {
                Role = role,
                Content = m.Text(),
                ToolCallId = m.ToolCallId,
                ToolCalls = (m.ToolCalls ?? []).Select(c => new ToolCall(c.Id ?? "", c.Function?.Name ?? "", c.Function?.Arguments ?? "")).ToList(),
            });
        }
        var tools = (wire.Tools ?? [])
            .Where(t => t.Function?.Name is not null)
            .Select(t => new ToolDefinition(t.Function!.Name!, t.Function.Description ?? "", t.Function.Parameters is { } p ? p.GetRawText() : """{"type":"object"}"""))
            .ToList();
        return new ChatRequest
        {
            Model = wire.Model ?? "",
            Messages = messages,
            Tools = tools,
            MaxTokens = wire.MaxCompletionTokens ?? wire.MaxTokens,
            Temperature = wire.Temperature,
        };
    }

    /// <summary>A whole completion.</summary>
    public static WireChatResponse ToWire(ChatResponse response, string id, string model, long created) => new()
    {
        Id = id,
        Object = "chat.completion",
        Created = created,
        Model = model,
        Choices =
        [
            new WireChoice
            {
                Message = new WireMessage
                {
                    Role = "assistant",
                    Content = response.ToolCalls.Count > 0 && response.Content.Length == 0 ? null : JsonString(response.Content),
                    ToolCalls = response.ToolCalls.Count == 0 ? null : response.ToolCalls.Select(c => new WireToolCall
                    {
                        Id = c.Id,
                        Type = "function",
                        Function = new WireFunctionCall { Name = c.Name, Arguments = c.ArgumentsJson },
                    }).ToList(),
                },
                FinishReason = response.FinishReason,
            },
        ],
        Usage = Usage(response.Usage),
    };

    /// <summary>One stream chunk.</summary>
    public static WireChatResponse ToChunk(ChatDelta delta, string id, string model, long created, bool first) => new()
    {
        Id = id,
        Object = "chat.completion.chunk",
        Created = created,
        Model = model,
        Choices =
        [
            new WireChoice
            {
                Delta = new WireMessage
                {
                    Role = first ? "assistant" : null,
                    Content = delta.Content.Length > 0 || first ? JsonString(delta.Content) : null,
                    ToolCalls = delta.ToolCalls.Count == 0 ? null : delta.ToolCalls.Select(c => new WireToolCall
                    {
                        Index = c.Index,
                        Id = c.Id,
                        Type = c.Id is null ? null : "function",
                        Function = new WireFunctionCall { Name = c.Name, Arguments = c.ArgumentsFragment },
                    }).ToList(),
                },
                FinishReason = delta.FinishReason,
            },
        ],
        Usage = delta.Usage is { } u ? Usage(u) : null,
    };

    /// <summary>Wire usage from chat usage.</summary>
    public static WireUsage Usage(ChatUsage u) => new() { PromptTokens = u.InputTokens, CompletionTokens = u.OutputTokens, TotalTokens = u.InputTokens + u.OutputTokens };

    /// <summary>A JSON string element.</summary>
    public static JsonElement JsonString(string text)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(text);
        }
        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }
}
