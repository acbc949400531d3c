namespace Smooth.Operator.Api;

/// <summary>Body of <c>POST /v1/guard/call</c>.</summary>
/// <param name="CallId">The tool call id.</param>
/// <param name="Tool">The tool name.</param>
/// <param name="Arguments">The arguments as the model wrote them.</param>
/// <param name="Iteration">The model call that asked for it.</param>
/// <param name="Checkpoint">A checkpoint the host saves before it answers (saves one round trip per tool call).</param>
public sealed record GuardCallRequest(string CallId, string Tool, string Arguments, int Iteration, Checkpoints.Checkpoint? Checkpoint = null);
