using System.Text.Json;

namespace Smooth.Surveillance.Bench.Corpus;

/// <summary>Runs an engine over the labelled corpus and scores each category.</summary>
public static class CorpusEvaluator
{
    /// <summary>Scores secrets (vs near-misses and benign text), injection (vs benign text) and commands (vs ordinary commands); the held-out set (injections and its own hard negatives) is scored apart.</summary>
    public static (CategoryScore Secrets, CategoryScore Injection, CategoryScore Commands, CategoryScore InjectionHeldOut) Evaluate(SurveillanceEngine engine, IReadOnlyList<CorpusDocument> docs)
    {
        var heldOut = new CategoryScore("injection (held out)");
        var secrets = new CategoryScore("secrets");
        var injection = new CategoryScore("injection");
        var commands = new CategoryScore("commands");
        foreach (var doc in docs)
        {
            switch (doc.Label)
            {
                case CorpusLabel.Secret:
                    secrets.Positive(First(engine.ScanToolResult("read_file", doc.Text), RuleCategory.Secret) is not null, doc.Name);
                    break;
                case CorpusLabel.NearMiss:
                    secrets.Negative(First(engine.ScanToolResult("read_file", doc.Text), RuleCategory.Secret), doc.Name);
                    break;
                case CorpusLabel.Injection:
                    injection.Positive(First(engine.ScanToolResult("web_fetch", doc.Text), RuleCategory.Injection) is not null, $"{doc.Name} \"{Snippet(doc.Text)}\"");
                    break;
                case CorpusLabel.InjectionHeldOut:
                    heldOut.Positive(First(engine.ScanToolResult("web_fetch", doc.Text), RuleCategory.Injection) is not null, $"{doc.Name} \"{Snippet(doc.Text)}\"");
                    break;
                case CorpusLabel.BenignHeldOut:
                    heldOut.Negative(First(engine.ScanToolResult("read_file", doc.Text), RuleCategory.Injection), doc.Name);
                    break;
                case CorpusLabel.Benign:
                    var result = engine.ScanToolResult("read_file", doc.Text);
                    secrets.Negative(First(result, RuleCategory.Secret), doc.Name);
                    injection.Negative(First(result, RuleCategory.Injection), doc.Name);
                    break;
                case CorpusLabel.DangerousCommand:
                    commands.Positive(Check(engine, doc.Text) is not null, doc.Name);
                    break;
                case CorpusLabel.BenignCommand:
                    commands.Negative(Check(engine, doc.Text), doc.Name);
                    break;
            }
        }
        return (secrets, injection, commands, heldOut);
    }

    private static string Snippet(string text) => text.Length <= 60 ? text.ReplaceLineEndings(" ") : text[..60].ReplaceLineEndings(" ") + "...";

    private static string? First(ScanResult result, RuleCategory category) =>
        result.Findings.FirstOrDefault(f => f.Category == category)?.RuleId;

    private static string? Check(SurveillanceEngine engine, string command)
    {
        var verdict = engine.CheckToolCall("bash", JsonSerializer.Serialize(new Dictionary<string, string> { ["command"] = command }, CorpusJsonContext.Default.DictionaryStringString));
        return verdict.Decision == VerdictDecision.Allow ? null : verdict.Findings.FirstOrDefault()?.RuleId ?? "(no rule)";
    }
}
