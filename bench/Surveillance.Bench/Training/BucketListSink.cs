using Smooth.Surveillance.Scoring;

namespace Smooth.Surveillance.Bench.Training;

/// <summary>Collects the buckets of the features read, in order (the trainer's view of a chunk).</summary>
internal struct BucketListSink(List<int> buckets) : IFeatureSink
{
    /// <inheritdoc />
    public readonly void Add(int bucket) => buckets.Add(bucket);
}
