namespace Smooth.Policy.Api;

/// <summary>A question the decision API cannot answer (HTTP 400), with what to send instead.</summary>
/// <param name="Error">What is wrong.</param>
/// <param name="Hint">What to do.</param>
public sealed record DecisionError(string Error, string Hint);
