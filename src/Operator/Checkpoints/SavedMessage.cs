using Smooth.Llm.Clients;

namespace Smooth.Operator.Checkpoints;

/// <summary>A conversation message as stored in a checkpoint.</summary>
public sealed record SavedMessage
{
    /// <summary><c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</summary>
    public required string Role { get; init; }

    /// <summary>The text.</summary>
    public string Content { get; init; } = "";

    /// <summary>Tool calls of an assistant message.</summary>
    public IReadOnlyList<SavedToolCall> ToolCalls { get; init; } = [];

    /// <summary>The call a tool message answers.</summary>
    public string? ToolCallId { get; init; }

    /// <summary>Converts from the chat form.</summary>
    public static SavedMessage From(ChatMessage m) => new()
    {
        Role = m.Role.ToString().ToLowerInvariant(),
        Content = m.Content,
        ToolCalls = m.ToolCalls.Select(c => new SavedToolCall(c.Id, c.Name, c.ArgumentsJson)).ToList(),
        ToolCallId = m.ToolCallId,
    };

    /// <summary>Converts back to the chat form.</summary>
    public ChatMessage ToChat() => new()
    {
        Role = Role switch
        {
            "system" => ChatRole.System,
            "user" => ChatRole.User,
            "assistant" => ChatRole.Assistant,
            "tool" => ChatRole.Tool,
            _ => throw new InvalidDataException($"a checkpoint message has the unknown role '{Role}'"),
        },
        Content = Content,
        ToolCalls = ToolCalls.Select(c => new ToolCall(c.Id, c.Name, c.Arguments)).ToList(),
        ToolCallId = ToolCallId,
    };
}
