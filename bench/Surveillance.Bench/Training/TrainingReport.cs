namespace Smooth.Surveillance.Bench.Training;

/// <summary>What a training run produced: the model file and how cross-validation saw the training data.</summary>
public sealed record TrainingReport
{
    /// <summary>The model file's bytes.</summary>
    public required byte[] Model { get; init; }
    /// <summary>Positive documents.</summary>
    public required int Positives { get; init; }
    /// <summary>Negative documents.</summary>
    public required int Negatives { get; init; }
    /// <summary>Windows trained on in the final fit (padded copies included).</summary>
    public required int Examples { get; init; }
    /// <summary>The threshold (probability) fixed by cross-validation.</summary>
    public required double Threshold { get; init; }
    /// <summary>Out-of-fold: positives whose best window reached the threshold.</summary>
    public required int CvPositivesFlagged { get; init; }
    /// <summary>Out-of-fold: negatives whose best window reached the threshold.</summary>
    public required int CvNegativesFlagged { get; init; }
    /// <summary>Out-of-fold: positives found when placed at the end of 4 KiB of held-out benign text.</summary>
    public required int CvEmbeddedFlagged { get; init; }
    /// <summary>Out-of-fold: positives found when placed at the end of 4 KiB of held-out source code.</summary>
    public required int CvAfterCodeFlagged { get; init; }
    /// <summary>Out-of-fold: short pieces (a few lines) of negatives scored alone.</summary>
    public required int CvShortPieces { get; init; }
    /// <summary>Out-of-fold: those of <see cref="CvShortPieces"/> that reached the threshold.</summary>
    public required int CvShortPiecesFlagged { get; init; }
    /// <summary>Out-of-fold: the chance that a random positive's best window outscores a random negative's.</summary>
    public required double CvAuc { get; init; }
    /// <summary>Out-of-fold flagged / documents per source file (hard-negative and injection files; benign chunks by folder).</summary>
    public required IReadOnlyList<(string Source, int Documents, int Flagged)> CvBySource { get; init; }
}
