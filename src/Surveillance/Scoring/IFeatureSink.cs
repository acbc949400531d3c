namespace Smooth.Surveillance.Scoring;

/// <summary>
/// Receives the buckets of the features <see cref="FeatureReader"/> finds. Implemented by structs and passed by
/// reference, so the reader's loop is specialised for each sink and no feature allocates.
/// </summary>
internal interface IFeatureSink
{
    /// <summary>One feature, hashed into <paramref name="bucket"/>.</summary>
    void Add(int bucket);
}
