namespace Smooth.Surveillance.Bench.Corpus;

/// <summary>Confusion counts and rates of one category, with the names of the documents it got wrong.</summary>
public sealed class CategoryScore(string name)
{
    /// <summary>The category.</summary>
    public string Name { get; } = name;
    /// <summary>Positives detected.</summary>
    public int TruePositives { get; set; }
    /// <summary>Positives missed.</summary>
    public int FalseNegatives { get; set; }
    /// <summary>Negatives flagged.</summary>
    public int FalsePositives { get; set; }
    /// <summary>Negatives left alone.</summary>
    public int TrueNegatives { get; set; }
    /// <summary>Missed positives.</summary>
    public List<string> Missed { get; } = [];
    /// <summary>Flagged negatives, with the rule that flagged them.</summary>
    public List<string> Flagged { get; } = [];

    /// <summary>TP / (TP + FP).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    /// <summary>TP / (TP + FN).</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    /// <summary>FP / (FP + TN).</summary>
    public double FalsePositiveRate => FalsePositives + TrueNegatives == 0 ? 0 : (double)FalsePositives / (FalsePositives + TrueNegatives);

    /// <summary>Records one positive document.</summary>
    public void Positive(bool detected, string name)
    {
        if (detected) TruePositives++;
        else
        {
            FalseNegatives++;
            Missed.Add(name);
        }
    }

    /// <summary>Records one negative document; <paramref name="flaggedBy"/> is the rule that fired, or null.</summary>
    public void Negative(string? flaggedBy, string name)
    {
        if (flaggedBy is null) TrueNegatives++;
        else
        {
            FalsePositives++;
            Flagged.Add($"{name} ({flaggedBy})");
        }
    }
}
