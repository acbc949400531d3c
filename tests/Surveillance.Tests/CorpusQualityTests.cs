using Smooth.Surveillance.Bench.Corpus;

namespace Smooth.Surveillance.Tests;

/// <summary>The quality targets on the labelled corpus (bench/Surveillance.Bench/corpus): a rule regression fails here.</summary>
public sealed class CorpusQualityTests
{
    private static readonly Lazy<(CategoryScore Secrets, CategoryScore Injection, CategoryScore Commands, CategoryScore InjectionHeldOut)> Scores = new(() =>
        CorpusEvaluator.Evaluate(Engines.Create(), QualityCorpus.Load(Engines.Builtin)));

    [Fact]
    public void Secrets_recall_at_least_95_percent_with_precision_at_least_90_percent()
    {
        var s = Scores.Value.Secrets;
        Assert.True(s.TruePositives >= 60 * QualityCorpus.SamplesPerRule, "every secret rule contributes samples");
        Assert.True(s.Recall >= 0.95, $"recall {s.Recall:P1}; missed: {string.Join(", ", s.Missed)}");
        Assert.True(s.Precision >= 0.90, $"precision {s.Precision:P1}; flagged: {string.Join(", ", s.Flagged)}");
    }

    [Fact]
    public void Injection_recall_at_least_90_percent_with_at_most_2_percent_false_positives_on_benign_text()
    {
        var s = Scores.Value.Injection;
        Assert.True(s.Recall >= 0.90, $"recall {s.Recall:P1}; missed: {string.Join(", ", s.Missed)}");
        Assert.True(s.FalsePositiveRate <= 0.02, $"false positives {s.FalsePositiveRate:P2}: {string.Join(", ", s.Flagged)}");
        Assert.True(s.TrueNegatives + s.FalsePositives >= 150, "the benign set is large enough to measure 2 %");
    }

    [Fact]
    public void Command_guard_blocks_the_dangerous_set_and_passes_ordinary_commands()
    {
        var s = Scores.Value.Commands;
        Assert.True(s.Recall >= 0.95, $"missed: {string.Join(", ", s.Missed)}");
        Assert.True(s.FalsePositiveRate <= 0.02, $"flagged: {string.Join(", ", s.Flagged)}");
    }
}
