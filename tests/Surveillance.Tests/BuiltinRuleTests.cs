using Smooth.Surveillance.Rules;

namespace Smooth.Surveillance.Tests;

public sealed class BuiltinRuleTests
{
    private static readonly RuleSet Rules = RuleSetLoader.LoadBuiltin();

    [Fact]
    public void Builtin_rules_load_and_cover_at_least_60_secret_formats()
    {
        Assert.True(Rules.Rules.Count(r => r.Category == RuleCategory.Secret) >= 60);
        Assert.All(Rules.Rules, r => Assert.False(r.UsesBacktracking, $"{r.Id} needs backtracking"));
        Assert.Contains(Rules.Rules, r => r.Category == RuleCategory.Injection);
        Assert.Contains(Rules.Rules, r => r.Category == RuleCategory.Command);
    }

    [Fact]
    public void Shipped_rules_build_their_regexes_on_first_use_and_every_one_of_them_builds()
    {
        var fresh = RuleSetLoader.LoadBuiltin();
        Assert.All(fresh.Rules, r => Assert.False(r.IsBuilt, $"{r.Id} was built at load"));
        var engine = new SurveillanceEngine(fresh);
        engine.ScanToolResult("read_file", "token ghp_" + new string('a', 36));
        Assert.True(fresh.Find("github-pat")!.IsBuilt); // its keyword matched, so it ran
        Assert.False(fresh.Find("aws-access-key-id")!.IsBuilt); // never needed, never built
        foreach (var rule in fresh.Rules) rule.Build(); // a shipped regex that does not compile fails here, not in a user's run
    }

    [Fact]
    public void Rules_whose_secret_is_the_whole_match_skip_the_capture_phase_and_others_keep_it()
    {
        Assert.True(Rules.Find("github-pat")!.SecretIsWholeMatch);
        Assert.True(Rules.Find("injection-ignore-instructions")!.SecretIsWholeMatch);
        Assert.False(Rules.Find("aws-secret-access-key")!.SecretIsWholeMatch);
        Assert.False(Rules.Find("connection-string-password")!.SecretIsWholeMatch);
        Assert.True(Rules.Rules.Count(r => r.Category == RuleCategory.Secret && r.SecretIsWholeMatch) >= 80);
    }

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var r in Rules.Rules) data.Add(r.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_detects_its_own_synthetic_sample(string id)
    {
        var rule = Rules.Find(id)!;
        Assert.False(string.IsNullOrEmpty(rule.Spec.Sample), $"{id} has no sample");
        var engine = new SurveillanceEngine(Rules);
        for (var seed = 1; seed <= 20; seed++)
        {
            var sample = SampleTemplate.Expand(rule.Spec.Sample!, new Random(seed));
            var text = $"line before\n  {sample}  \nline after\n";
            var result = engine.ScanText(text);
            Assert.True(result.Findings.Any(f => f.RuleId == id), $"{id} missed its sample (seed {seed})");
            if (rule.Category == RuleCategory.Secret)
            {
                var finding = result.Findings.First(f => f.RuleId == id);
                var secret = text.Substring(finding.Span.Start, finding.Span.Length);
                Assert.DoesNotContain(secret, result.RedactedText);
                Assert.DoesNotContain(secret, finding.Preview);
                Assert.DoesNotContain(secret, finding.ToString());
            }
        }
    }
}
