namespace Smooth.Surveillance.Scoring;

/// <summary>A rule's learned scorer: the model it names and the threshold in force (the rule's own, or the model's).</summary>
/// <param name="Name">The scorer's name (<c>scorer:</c> in the rule file).</param>
/// <param name="Model">Its model.</param>
/// <param name="Threshold">The probability at or above which a window is flagged.</param>
internal sealed record RuleScorer(string Name, LinearModel Model, double Threshold);
