namespace Smooth.Operator.Hooks;

/// <summary>What a tool call gave back, as the model will read it.</summary>
/// <param name="Text">The result or error text.</param>
/// <param name="IsError">True for a failure or refusal.</param>
/// <param name="Refused">True when a pre-hook refused the call (the tool never ran).</param>
/// <param name="Rule">The rule that refused it, when one did.</param>
public sealed record ToolOutcome(string Text, bool IsError, bool Refused = false, string? Rule = null);
