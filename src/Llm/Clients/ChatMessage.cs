namespace Smooth.Llm.Clients;

/// <summary>One message of a conversation.</summary>
public sealed record ChatMessage
{
    /// <summary>Who said it.</summary>
    public required ChatRole Role { get; init; }
    /// <summary>The text (may be empty for an assistant message that only calls tools).</summary>
    public string Content { get; init; } = "";
    /// <summary>For assistant messages: the tool calls it made.</summary>
    public IReadOnlyList<ToolCall> ToolCalls { get; init; } = [];
    /// <summary>For tool messages: the id of the call this answers.</summary>
    public string? ToolCallId { get; init; }

    /// <summary>A system message.</summary>
    public static ChatMessage System(string text) => new() { Role = ChatRole.System, Content = text };
    /// <summary>A user message.</summary>
    public static ChatMessage User(string text) => new() { Role = ChatRole.User, Content = text };
    /// <summary>An assistant message, with optional tool calls.</summary>
    public static ChatMessage Assistant(string text, IReadOnlyList<ToolCall>? calls = null) => new() { Role = ChatRole.Assistant, Content = text, ToolCalls = calls ?? [] };
    /// <summary>A tool result.</summary>
    public static ChatMessage ToolResult(string callId, string text) => new() { Role = ChatRole.Tool, Content = text, ToolCallId = callId };
}
