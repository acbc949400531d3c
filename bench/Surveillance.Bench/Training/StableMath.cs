namespace Smooth.Surveillance.Bench.Training;

/// <summary>
/// The logistic function from additions, multiplications and one division, which IEEE 754 rounds the same everywhere:
/// <see cref="Math.Exp"/> comes from the platform's C library and may differ in the last bit, which would make two
/// machines train different model files from the same corpus.
/// </summary>
public static class StableMath
{
    private const double Ln2 = 0.6931471805599453;

    /// <summary>1 / (1 + e^−z).</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0) return 1 / (1 + Exp(-z));
        var e = Exp(z);
        return e / (1 + e);
    }

    /// <summary>e^x for x ≤ 0 (clamped at −700): e^x = 2^k · e^r with |r| ≤ ln 2 / 2, e^r by its Taylor series.</summary>
    public static double Exp(double x)
    {
        if (x < -700) x = -700;
        var k = Math.Round(x / Ln2, MidpointRounding.ToEven);
        var r = x - k * Ln2;
        // |r| ≤ 0.35: 14 terms reach double precision.
        double term = 1, sum = 1;
        for (var n = 1; n <= 14; n++)
        {
            term = term * r / n;
            sum += term;
        }
        return Math.ScaleB(sum, (int)k);
    }
}
