using Smooth.Surveillance.Scoring;

namespace Smooth.Surveillance.Bench.Training;

/// <summary>Turns fitted weights into a <see cref="LinearModel"/> with one signed byte per bucket (scale: the largest weight / 127).</summary>
public static class Quantizer
{
    /// <summary>The quantised model.</summary>
    internal static LinearModel Quantise(double[] weights, double bias, double threshold, TrainingOptions options)
    {
        var max = weights.Max(Math.Abs);
        var scale = max > 0 ? max / 127 : 1;
        var q = new sbyte[weights.Length];
        for (var i = 0; i < q.Length; i++) q[i] = (sbyte)Math.Clamp(Math.Round(weights[i] / scale, MidpointRounding.ToEven), -127, 127);
        return new LinearModel(FeatureKinds.All, options.BucketBits, options.ChunkChars, options.WindowChunks, options.SmallWindowChunks, options.NormFloor, scale, bias, threshold, q);
    }
}
