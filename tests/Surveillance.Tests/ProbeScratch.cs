using Smooth.Surveillance.Scoring;
namespace Smooth.Surveillance.Tests;
public sealed class ProbeScratch
{
    [Fact]
    public void Probe()
    {
        var model = Engines.Builtin.Find("injection-learned")!.Scorer!.Model;
        Console.Error.WriteLine($"PROBE threshold {model.Threshold:0.000}");
        var mit = "/*\n * Copyright (c) 2026 Example\n *\n * Permission is hereby granted, free of charge, to any person obtaining a copy\n * of this software, to deal in the Software without restriction.\n */";
        foreach (var t in new[] { mit, LearnedScorerTests.ReviewerTooling, LearnedScorerTests.SummaryDeceit })
            Console.Error.WriteLine($"PROBE {WindowScorer.ScoreAll(model, t).Max(w => w.Score):0.000} {t[..30]}");
        var benign = string.Concat(LearnedScorerTests.UnseenBenignFiles().Select(File.ReadAllText));
        foreach (var inj in new[] { LearnedScorerTests.ReviewerTooling, LearnedScorerTests.SummaryDeceit })
        {
            var filler = benign[..(64 * 1024 - inj.Length - 1)];
            var text = filler + "\n" + inj;
            var all = WindowScorer.ScoreAll(model, text);
            Console.Error.WriteLine($"PROBE embedded max over last 8 windows {all[^8..].Max(w => w.Score):0.000}; benign-only windows over threshold {WindowScorer.ScoreAll(model, filler).Count(w => w.Score >= model.Threshold)}; tail: {filler[^200..].Replace('\n', '|')}");
        }
    }
}
