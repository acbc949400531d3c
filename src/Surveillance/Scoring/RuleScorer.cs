namespace Smooth.Surveillance.Scoring;

/// <summary>A rule's learned scorer: the model it names and the thresholds in force (the rule's own, or the model's).</summary>
/// <param name="Name">The scorer's name (<c>scorer:</c> in the rule file).</param>
/// <param name="Model">Its model.</param>
/// <param name="Threshold">The probability at or above which a window is flagged.</param>
/// <param name="CorroboratedThreshold">
/// A lower probability at which a window is flagged when the injection heuristic corroborates it; null when the rule
/// has none (or it is not below <paramref name="Threshold"/>).
/// </param>
internal sealed record RuleScorer(string Name, LinearModel Model, double Threshold, double? CorroboratedThreshold = null);
