namespace Smooth.Operator.Loop;

/// <summary>How one coding turn ended.</summary>
/// <param name="Stop">Why it stopped.</param>
/// <param name="FinalText">The model's last words (its summary of the work).</param>
/// <param name="Message">An explanation for a stop other than <see cref="AgentStop.Completed"/>.</param>
public sealed record AgentTurnResult(AgentStop Stop, string FinalText, string? Message = null);
