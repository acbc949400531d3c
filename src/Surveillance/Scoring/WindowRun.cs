namespace Smooth.Surveillance.Scoring;

/// <summary>A run of consecutive windows at or above a cut: its best window and the characters the run covers.</summary>
/// <param name="Best">The run's highest-scoring window.</param>
/// <param name="Start">First character of the run's first window.</param>
/// <param name="End">Just past the last character of the run's last window.</param>
internal readonly record struct WindowRun(ScoredWindow Best, int Start, int End);
