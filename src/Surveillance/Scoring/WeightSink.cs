using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Smooth.Surveillance.Scoring;

/// <summary>Adds up the quantised weights of the features read, and counts them.</summary>
internal struct WeightSink : IFeatureSink
{
    private readonly sbyte[] _weights;

    /// <summary>A sink over a model's weights.</summary>
    public WeightSink(sbyte[] weights) => _weights = weights;

    /// <summary>The sum of the weights (in quantisation steps).</summary>
    public int Sum;
    /// <summary>The features read.</summary>
    public int Count;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int bucket)
    {
        // Buckets are below 2^bits, the length of the weights (checked when the model was read).
        Sum += Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights), (nint)(uint)bucket);
        Count++;
    }
}
