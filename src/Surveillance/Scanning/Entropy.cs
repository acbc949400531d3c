namespace Smooth.Surveillance.Scanning;

/// <summary>Shannon entropy of a string, in bits per character.</summary>
public static class Entropy
{
    /// <summary>Computes the entropy of <paramref name="text"/> (0 for empty text).</summary>
    public static double Shannon(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return 0;
        Span<int> ascii = stackalloc int[128];
        Dictionary<char, int>? other = null;
        foreach (var c in text)
        {
            if (c < 128) ascii[c]++;
            else
            {
                other ??= new();
                other[c] = other.GetValueOrDefault(c) + 1;
            }
        }
        double n = text.Length, h = 0;
        foreach (var count in ascii)
        {
            if (count > 0) h -= count / n * Math.Log2(count / n);
        }
        if (other is not null)
        {
            foreach (var count in other.Values) h -= count / n * Math.Log2(count / n);
        }
        return h;
    }
}
