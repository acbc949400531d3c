namespace Smooth.Surveillance.Bench.Training;

/// <summary>One training window: its features, its label (1: injection) and its weight.</summary>
public readonly record struct Example(SparseWindow Window, int Label, double Weight);
