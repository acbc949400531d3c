using Smooth.Core;
using Smooth.Surveillance.Rules;
using Smooth.TestSupport;

namespace Smooth.Surveillance.Tests;

/// <summary>The learned scorer is a rule like any other: listed, disabled and re-thresholded by rule files, validated on load.</summary>
public sealed class ScorerRuleFileTests
{
    [Fact]
    public void The_builtin_scorer_rule_is_listed_with_its_scorer_and_the_models_threshold()
    {
        var rule = Engines.Builtin.Find("injection-learned")!;
        var report = Reports.RuleReport.From(rule);
        Assert.Equal("scorer", report.Engine);
        Assert.Equal("injection-linear-v1", report.Scorer);
        Assert.Equal("judge", report.Action);
        Assert.InRange(report.Threshold!.Value, 0.5, 0.999);
    }

    [Fact]
    public async Task A_project_rule_file_can_disable_the_scorer()
    {
        using var dir = new TempDir();
        var project = dir.Combine("project.yaml");
        await File.WriteAllTextAsync(project, "disable: [injection-learned]\n");
        var rules = await RuleSetLoader.LoadAsync(null, project, CancellationToken.None);
        Assert.Null(rules.Find("injection-learned"));
        Assert.Empty(new SurveillanceEngine(rules).ScanToolResult("web_fetch", LearnedScorerTests.ReviewerTooling).Findings);
    }

    [Fact]
    public async Task A_user_or_project_rule_file_can_change_its_threshold()
    {
        using var dir = new TempDir();
        var user = dir.Combine("user.yaml");
        var project = dir.Combine("project.yaml");
        await File.WriteAllTextAsync(user, "rules:\n  - id: injection-learned\n    threshold: 0.6\n");
        await File.WriteAllTextAsync(project, "rules:\n  - id: injection-learned\n    threshold: 0.9999\n");

        var strict = await RuleSetLoader.LoadAsync(null, project, CancellationToken.None);
        Assert.Equal(0.9999, strict.Find("injection-learned")!.Threshold);
        Assert.Contains($"overridden in {project}", strict.Find("injection-learned")!.Source);
        Assert.Empty(new SurveillanceEngine(strict).ScanToolResult("web_fetch", LearnedScorerTests.ReviewerTooling).Findings);

        var both = await RuleSetLoader.LoadAsync(user, project, CancellationToken.None);
        Assert.Equal(0.9999, both.Find("injection-learned")!.Threshold); // the project file has the last word

        var lenient = await RuleSetLoader.LoadAsync(user, null, CancellationToken.None);
        Assert.Equal(0.6, lenient.Find("injection-learned")!.Threshold);
        Assert.Single(new SurveillanceEngine(lenient).ScanToolResult("web_fetch", LearnedScorerTests.ReviewerTooling).Findings);
    }

    [Theory]
    [InlineData("rules:\n  - id: injection-learned\n    threshold: 1.5\n", "threshold: '1.5' must be a number from 0 to 1")]
    [InlineData("rules:\n  - id: injection-learned\n    threshold: 0\n", "threshold: must be above 0 and below 1")]
    [InlineData("rules:\n  - id: my-scorer\n    category: injection\n    severity: low\n    action: judge\n    description: d\n    scorer: injection-linear-v9\n", "scorer: 'injection-linear-v9' is not known (known: injection-linear-v1)")]
    public void A_bad_threshold_or_an_unknown_scorer_is_refused_with_its_line(string yaml, string message)
    {
        var e = Assert.Throws<SmoothException>(() => RuleFileParser.Parse(yaml, "project.yaml"));
        Assert.Contains("project.yaml:", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("    action: block\n", "its action must be judge or alert")]
    [InlineData("    regex: 'x'\n", "'regex' does not apply to a rule with a scorer")]
    [InlineData("    keywords: [agent]\n", "'keywords' does not apply to a rule with a scorer")]
    public void A_scorer_rule_that_could_block_or_that_mixes_in_a_regex_is_refused(string extra, string message)
    {
        var yaml = "rules:\n  - id: my-scorer\n    category: injection\n    severity: low\n    description: d\n    scorer: injection-linear-v1\n" + (extra.Contains("action") ? extra : "    action: judge\n" + extra);
        var file = RuleFileParser.Parse(yaml, "project.yaml");
        var e = Assert.Throws<SmoothException>(() => RuleSetLoader.Build([file]));
        Assert.Contains("project.yaml:2: rule 'my-scorer'", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_threshold_on_a_regex_rule_is_refused()
    {
        var file = RuleFileParser.Parse("rules:\n  - id: injection-ignore-instructions\n    threshold: 0.5\n", "project.yaml");
        var e = Assert.Throws<SmoothException>(() => RuleSetLoader.Build([RuleFileParser.Parse(RuleSetLoader.ReadBuiltinText(), RuleSetLoader.BuiltinSource), file]));
        Assert.Contains("threshold: only a rule with a scorer has one", e.Message);
    }
}
