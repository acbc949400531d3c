namespace Smooth.Surveillance.Scoring;

/// <summary>The kinds of hashed features a linear model reads; recorded in the model file so a model and the extractor agree.</summary>
[Flags]
public enum FeatureKinds
{
    /// <summary>No features.</summary>
    None = 0,
    /// <summary>Lower-case words (runs of letters and digits).</summary>
    WordUnigrams = 1,
    /// <summary>Pairs of consecutive words.</summary>
    WordBigrams = 2,
    /// <summary>Five consecutive characters of the normalised text (lower case, whitespace runs as one space, digits as 0).</summary>
    CharFiveGrams = 4,
    /// <summary>The three kinds version 1 models use.</summary>
    All = WordUnigrams | WordBigrams | CharFiveGrams,
}
