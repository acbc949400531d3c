namespace Smooth.Llm.Clients;

/// <summary>A piece of a streamed tool call: the id and name arrive first, the arguments in fragments.</summary>
/// <param name="Index">Which call of the answer this belongs to.</param>
/// <param name="Id">The call id (on the first fragment).</param>
/// <param name="Name">The tool name (on the first fragment).</param>
/// <param name="ArgumentsFragment">A fragment of the arguments' JSON text.</param>
public sealed record ToolCallDelta(int Index, string? Id, string? Name, string ArgumentsFragment);
