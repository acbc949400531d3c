using Smooth.Surveillance.Rules;

namespace Smooth.Surveillance.Tests;

/// <summary>
/// An engine builds what the first tool results need in the background. A scan never runs with fewer rules for it:
/// one that arrives before the build is done builds or waits for what it needs and finds what a built engine finds.
/// </summary>
public sealed class WarmupTests
{
    private static string Text()
    {
        // Every injection and secret rule's own sample, each in a paragraph of its own.
        var random = new Random(5);
        return string.Join("\n\n", Engines.Builtin.Rules
            .Where(r => r.Category is RuleCategory.Injection or RuleCategory.Secret && r.Spec.Sample is not null)
            .Select(r => "Some text before.\n" + SampleTemplate.Expand(r.Spec.Sample!, random) + "\nSome text after."));
    }

    private static List<(string, int, int, RuleAction)> Found(ScanResult result) =>
        [.. result.Findings.Select(f => (f.RuleId, f.Span.Start, f.Span.Length, f.Action))];

    [Fact]
    public async Task Scans_that_arrive_before_the_background_build_is_done_find_what_a_built_engine_finds()
    {
        var text = Text();
        var built = Engines.Create();
        await built.Ready;
        var expected = Found(built.ScanToolResult("web_fetch", text));
        Assert.True(expected.Select(f => f.Item1).Distinct().Count() > 50, "the text should trip most rules");

        var fresh = new SurveillanceEngine(RuleSetLoader.LoadBuiltin());
        // Two scans at once, both racing the background build for the same regexes.
        var scans = await Task.WhenAll(Task.Run(() => fresh.ScanToolResult("web_fetch", text)), Task.Run(() => fresh.ScanToolResult("web_fetch", text)));
        Assert.All(scans, s => Assert.Equal(expected, Found(s)));
        await fresh.Ready;
        Assert.Equal(expected, Found(fresh.ScanToolResult("web_fetch", text)));
    }

    [Fact]
    public async Task The_background_build_takes_first_looks_and_gates_from_the_specs_and_builds_no_rule_pattern()
    {
        var rules = RuleSetLoader.LoadBuiltin();
        await new SurveillanceEngine(rules).Ready;
        Assert.All(rules.Rules, r => Assert.False(r.IsBuilt, $"{r.Id}'s pattern was built though nothing was scanned"));
        var looked = rules.Rules.Where(r => r.Category == RuleCategory.Injection && r.Keywords.Count > 0 && r.Spec.Gate is null).ToList();
        Assert.NotEmpty(looked);
        Assert.All(looked, r => Assert.True(r.IsFirstLookBuilt, $"{r.Id}'s first look was not built"));
        Assert.All(looked, r => Assert.NotNull(r.FirstLook));
        Assert.NotNull(rules.GateFor("spoken-to-ai"));
        Assert.All(rules.Rules, r => Assert.False(r.IsBuilt, $"{r.Id}'s pattern was built for its first look or gate"));
    }

    [Fact]
    public async Task Replacing_the_rules_starts_their_build_and_the_engine_reports_it_done()
    {
        var engine = Engines.Create();
        var replacement = RuleSetLoader.LoadBuiltin();
        engine.ReplaceRules(replacement);
        await engine.Ready;
        Assert.True(replacement.Find("injection-heuristic")!.IsFirstLookBuilt);
        Assert.False(replacement.Find("injection-heuristic")!.IsBuilt);
    }
}
