namespace Smooth.Llm.Clients;

/// <summary>A tool call the model asked for.</summary>
/// <param name="Id">The call id, echoed back in the tool result.</param>
/// <param name="Name">The tool's name.</param>
/// <param name="ArgumentsJson">The arguments as the model wrote them (JSON text, possibly malformed).</param>
public sealed record ToolCall(string Id, string Name, string ArgumentsJson);
