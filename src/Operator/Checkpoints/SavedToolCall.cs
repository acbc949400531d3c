namespace Smooth.Operator.Checkpoints;

/// <summary>A tool call as stored in a checkpoint.</summary>
/// <param name="Id">The call id.</param>
/// <param name="Name">The tool.</param>
/// <param name="Arguments">The arguments as the model wrote them.</param>
public sealed record SavedToolCall(string Id, string Name, string Arguments);
