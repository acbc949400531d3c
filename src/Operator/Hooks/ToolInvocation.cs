namespace Smooth.Operator.Hooks;

/// <summary>One tool call on its way through the pipeline.</summary>
/// <param name="CallId">The model's call id.</param>
/// <param name="Name">The tool name as the model wrote it (may be unknown).</param>
/// <param name="ArgumentsJson">The arguments as the model wrote them (may be malformed).</param>
/// <param name="Iteration">The model call that asked for it.</param>
public sealed record ToolInvocation(string CallId, string Name, string ArgumentsJson, int Iteration);
