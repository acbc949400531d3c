namespace Smooth.Surveillance.Bench.Training;

/// <summary>One window's features as the model sees them: distinct buckets, each valued count / √max(features in the window, norm floor).</summary>
/// <param name="Buckets">Distinct buckets, ascending.</param>
/// <param name="Values">The value of each bucket.</param>
public sealed record SparseWindow(int[] Buckets, double[] Values);
