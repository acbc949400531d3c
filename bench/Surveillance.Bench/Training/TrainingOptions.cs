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
    public int ShortNegatives { get; init; } = 8;
    /// <summary>Passes over the examples.</summary>
    public int Epochs { get; init; } = 12;
    /// <summary>The step size of the first epoch; epoch e uses LearningRate / (1 + e).</summary>
    public double LearningRate { get; init; } = 0.5;
    /// <summary>L2 penalty, applied to the weights an example touches.</summary>
    public double L2 { get; init; } = 1e-5;
    /// <summary>Also train on each injection placed after benign text that fills the rest of its window, as it sits in a long result.</summary>
    public bool PadPositives { get; init; } = true;
    /// <summary>
    /// Epochs in which an injection longer than a window is trained as all its windows at an equal share; after them,
    /// as its best-scoring window alone (multiple-instance learning, see LogisticTrainer). Off (every epoch spreads):
    /// on the leave-one-set-out yardstick it found fewer held-out injections (248 against 262 of 400 at 5 %).
    /// </summary>
    public int SpreadEpochs { get; init; } = int.MaxValue;
    /// <summary>
    /// An injection's windows also hold the small windows (SmallWindowChunks) the product scores: the model learns
    /// the 192-character view it is asked about, not only the 384-character one (leave-one-set-out: 262 → 280 of 400
    /// held-out injections at 5 %, with fewer benign chunks flagged).
    /// </summary>
    public bool BagSmallWindows { get; init; } = true;
    /// <summary>Negatives are also trained on their small windows (at <see cref="NegativeSmallWeight"/> each).</summary>
    public bool NegativeSmallWindows { get; init; } = false;
    /// <summary>The weight of each small window of a negative.</summary>
    public double NegativeSmallWeight { get; init; } = 0.5;
    /// <summary>Copies of each injection placed inside source code of the training part (1-3 KiB before, a few hundred characters after), each a bag.</summary>
    public int CodeCopies { get; init; } = 0;
    /// <summary>The weight of each copy inside code.</summary>
    public double CodeWeight { get; init; } = 0.3;
    /// <summary>Cross-validation folds for the threshold.</summary>
    public int Folds { get; init; } = 5;
    /// <summary>
    /// The share of training negatives that cross-validation may flag at the chosen threshold. With the synthetic sets
    /// most training negatives are hard ones, so the share buys more recall than it did: on the leave-one-set-out
    /// yardstick 5 % flags 297 of 400 held-out injections and 8 of 400 hard negatives, 7 % 317 and 13, 10 % 335 and 18
    /// (0.6 % of benign chunks out of fold), 12 % 346 and 19 (1.0 %). Without the synthetic sets 5 % gave 292 and 33.
    /// With nineteen synthetic sets and v11 (six sets left out in turn): 10 % flags 432 of 480 and 30 of 480, and 3 of
    /// 654 unseen repository files; 8 % flags 425 and 24, 0.4 % of benign chunks and 1 of 654 files. Six more sets
    /// (structured data, tool output, manifests, code comments in many languages, team chat, web pages) and two sets of
    /// hard negatives only (security-tool source and docs; lists of sensitive paths and names in code): 8 % flags 414
    /// and 19, 0.1 % of benign chunks and 0 of 654 files; 10 % flags 425 and 24, 0.3 % and 1 file. Without the two
    /// negative-only sets the six moved the model's false positives onto this repository's own code (10 % flagged 15
    /// of 654 files).
    /// </summary>
    public double TargetFalsePositives { get; init; } = 0.08;
    /// <summary>Seed of every shuffle.</summary>
    public ulong Seed { get; init; } = 20261201;
}
