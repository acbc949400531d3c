namespace Smooth.Surveillance.Scoring;

/// <summary>
/// A logistic regression over hashed features, its weights quantised to one signed byte each (weight =
/// <see cref="Scale"/> × byte): 2^18 buckets take 256 KiB, which stays in a core's L2 cache while a text is scored.
/// The window shape it was trained on travels with it, since a score only means what it did in training when the
/// text is cut the same way. Read and written by <see cref="LinearModelFile"/>.
/// </summary>
internal sealed class LinearModel
{
    /// <summary>A model; the caller (the file reader or the trainer) has checked the values.</summary>
    public LinearModel(FeatureKinds kinds, int bucketBits, int chunkChars, int windowChunks, int smallWindowChunks, int normFloor, double scale, double bias, double threshold, sbyte[] weights)
    {
        Kinds = kinds;
        BucketBits = bucketBits;
        ChunkChars = chunkChars;
        WindowChunks = windowChunks;
        SmallWindowChunks = smallWindowChunks;
        NormFloor = normFloor;
        Scale = scale;
        Bias = bias;
        Threshold = threshold;
        Weights = weights;
    }

    /// <summary>The features it reads.</summary>
    public FeatureKinds Kinds { get; }
    /// <summary>Buckets are 2^BucketBits.</summary>
    public int BucketBits { get; }
    /// <summary>Texts are cut into chunks of this many characters.</summary>
    public int ChunkChars { get; }
    /// <summary>A window is this many consecutive chunks; windows start at every chunk.</summary>
    public int WindowChunks { get; }
    /// <summary>
    /// 0, or the chunks of a second, smaller window also scored at every chunk: a short injection after code is
    /// diluted by the code that shares its window, less so in a small one.
    /// </summary>
    public int SmallWindowChunks { get; }
    /// <summary>
    /// A window of n features is weighted 1/√max(n, NormFloor): a short text is not boosted above what the same words
    /// would score inside a full window of a long one.
    /// </summary>
    public int NormFloor { get; }
    /// <summary>The weight of one quantisation step.</summary>
    public double Scale { get; }
    /// <summary>The intercept (a logit).</summary>
    public double Bias { get; }
    /// <summary>The probability at or above which a window is flagged, unless a rule sets its own.</summary>
    public double Threshold { get; }
    /// <summary>One quantised weight per bucket.</summary>
    public sbyte[] Weights { get; }
}
