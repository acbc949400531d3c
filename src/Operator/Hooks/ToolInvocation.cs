using Smooth.Operator.Checkpoints;

namespace Smooth.Operator.Hooks;

/// <summary>One tool call on its way through the pipeline.</summary>
/// <param name="CallId">The model's call id.</param>
/// <param name="Name">The tool name as the model wrote it (may be unknown).</param>
/// <param name="ArgumentsJson">The arguments as the model wrote them (may be malformed).</param>
/// <param name="Iteration">The model call that asked for it.</param>
public sealed record ToolInvocation(string CallId, string Name, string ArgumentsJson, int Iteration)
{
    /// <summary>A checkpoint to land with the check before the call (the model's answer that asked for it).</summary>
    public CarriedCheckpoint? CheckpointBefore { get; init; }

    /// <summary>
    /// A checkpoint to land with the review of the result: its last message is this call's tool message, whose text
    /// the host sets to the reviewed result (the text the model will read).
    /// </summary>
    public CarriedCheckpoint? CheckpointWithResult { get; init; }
}
