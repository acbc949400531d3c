namespace Smooth.Operator.Checkpoints;

/// <summary>One step of the agent's plan.</summary>
/// <param name="Text">What to do.</param>
/// <param name="Status"><c>pending</c>, <c>in_progress</c> or <c>done</c>.</param>
public sealed record TodoItem(string Text, string Status);
