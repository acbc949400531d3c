namespace Smooth.Llm.Scripted;

/// <summary>A received message in a format-neutral form.</summary>
/// <param name="Role"><c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</param>
/// <param name="Text">Its text (for an assistant message with tool calls: the call names and arguments too).</param>
/// <param name="ToolCallId">For tool results: the call answered.</param>
public sealed record ObservedMessage(string Role, string Text, string? ToolCallId);
