using Smooth.Surveillance.Scoring;

namespace Smooth.Surveillance.Bench;

/// <summary>Counts features and adds their buckets: the feature pass without the weight table (a diagnostic of <c>--scorer-speed</c>).</summary>
internal struct CountingSink : IFeatureSink
{
    /// <summary>Features read.</summary>
    public int Count;
    /// <summary>The sum of their buckets (keeps the work from being optimised away).</summary>
    public long Sum;

    /// <inheritdoc />
    public void Add(int bucket)
    {
        Count++;
        Sum += bucket;
    }
}
