namespace Smooth.Surveillance.Bench.Training;

/// <summary>The settings of one training run; the defaults are the shipped model's.</summary>
public sealed record TrainingOptions
{
    /// <summary>Buckets are 2^BucketBits (2^18: 256 KiB of one-byte weights).</summary>
    public int BucketBits { get; init; } = 18;
    /// <summary>Characters per chunk (windows start every this many characters).</summary>
    public int ChunkChars { get; init; } = 64;
    /// <summary>Chunks per window: 6 × 64 = 384 characters, chosen by cross-validation over 256 to 1,024.</summary>
    public int WindowChunks { get; init; } = 6;
    /// <summary>
    /// 0, or the chunks of a second, smaller window scored beside the first (LinearModel.SmallWindowChunks): 3 × 64 =
    /// 192 characters, which cross-validation preferred to 2 and to none for injections that follow code. The model is
    /// trained on the large windows only; the threshold is calibrated with both, as the product scores.
    /// </summary>
    public int SmallWindowChunks { get; init; } = 3;
    /// <summary>Windows with fewer features are normalised as if they had this many (see LinearModel.NormFloor).</summary>
    public int NormFloor { get; init; } = 1;
    /// <summary>The weight of each padded copy of an injection (<see cref="PadPositives"/>).</summary>
    public double PadWeight { get; init; } = 0.3;
    /// <summary>
    /// Short pieces (a few whole lines, 40 to 240 characters) cut from each negative and trained on as negatives too:
    /// most negatives fill whole windows, and without short ones a short benign result ("You are now logged in.")
    /// would be judged by words the model only ever saw in short injections.
    /// </summary>
    public int ShortNegatives { get; init; } = 4;
    /// <summary>Passes over the examples.</summary>
    public int Epochs { get; init; } = 12;
    /// <summary>The step size of the first epoch; epoch e uses LearningRate / (1 + e).</summary>
    public double LearningRate { get; init; } = 0.5;
    /// <summary>L2 penalty, applied to the weights an example touches.</summary>
    public double L2 { get; init; } = 1e-5;
    /// <summary>Also train on each injection placed after benign text that fills the rest of its window, as it sits in a long result.</summary>
    public bool PadPositives { get; init; } = true;
    /// <summary>Cross-validation folds for the threshold.</summary>
    public int Folds { get; init; } = 5;
    /// <summary>The share of training negatives that cross-validation may flag at the chosen threshold.</summary>
    public double TargetFalsePositives { get; init; } = 0.05;
    /// <summary>Seed of every shuffle.</summary>
    public ulong Seed { get; init; } = 20261201;
}
