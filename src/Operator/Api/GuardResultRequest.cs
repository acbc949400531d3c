namespace Smooth.Operator.Api;

/// <summary>Body of <c>POST /v1/guard/result</c>.</summary>
/// <param name="CallId">The tool call id.</param>
/// <param name="Tool">The tool name.</param>
/// <param name="Arguments">The call's arguments.</param>
/// <param name="Text">The result text to review.</param>
/// <param name="IsError">True when the call failed.</param>
/// <param name="Checkpoint">
/// A checkpoint the host saves once the text is reviewed; its last message is this call's tool message, and the host
/// puts the reviewed text in it, so what is stored is what the model reads.
/// </param>
public sealed record GuardResultRequest(string CallId, string Tool, string Arguments, string Text, bool IsError, Checkpoints.Checkpoint? Checkpoint = null);
