namespace Smooth.Surveillance.Bench.Training;

/// <summary>
/// One training item: its windows, its label (1: injection) and its weight. A negative is one window (every window of a
/// benign text is benign); an injection is the bag of all windows of its text, since only some of them hold the
/// injection (<see cref="LogisticTrainer"/> trains on the best one, multiple-instance style).
/// </summary>
public readonly record struct Example(SparseWindow[] Windows, int Label, double Weight)
{
    /// <summary>A one-window item.</summary>
    public Example(SparseWindow window, int label, double weight) : this([window], label, weight) { }
}
