namespace Smooth.Surveillance.Scoring;

/// <summary>A window of a text and its score.</summary>
/// <param name="Start">First character.</param>
/// <param name="End">Just past the last character.</param>
/// <param name="Score">The model's probability that the window holds a prompt injection.</param>
internal readonly record struct ScoredWindow(int Start, int End, double Score);
