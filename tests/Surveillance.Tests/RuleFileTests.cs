using Smooth.Core;
using Smooth.Core.Events;
using Smooth.Surveillance.Rules;
using Smooth.TestSupport;

namespace Smooth.Surveillance.Tests;

public sealed class RuleFileTests
{
    private const string CompanyRule = """
        rules:
          - id: acme-deploy-key
            category: secret
            severity: high
            action: redact
            description: ACME internal deploy key
            keywords: [acmedk_]
            regex: '\b(?<secret>acmedk_[a-z0-9]{24})\b'
            sample: 'acmedk_{lowalnum:24}'
        """;

    [Fact]
    public async Task User_and_project_files_add_override_and_disable_rules_and_name_their_source()
    {
        using var dir = new TempDir();
        var user = dir.Combine("user.yaml");
        var project = dir.Combine("project.yaml");
        await File.WriteAllTextAsync(user, CompanyRule);
        await File.WriteAllTextAsync(project, """
            disable: [jwt]
            rules:
              - id: cmd-env-dump
                action: block
                severity: high
              - id: generic-secret-assignment
                allowlist: ['^build-[0-9]+$']
            """);
        var rules = await RuleSetLoader.LoadAsync(user, project, CancellationToken.None);

        Assert.Equal(user, rules.Find("acme-deploy-key")!.Source);
        Assert.Null(rules.Find("jwt"));
        var env = rules.Find("cmd-env-dump")!;
        Assert.Equal(RuleAction.Block, env.Action);
        Assert.Equal("Prints the whole environment (may expose variables)", env.Description);
        Assert.Contains($"overridden in {project}", env.Source);
        // The override adds to the shipped allowlist rather than replacing it.
        Assert.True(rules.Find("generic-secret-assignment")!.Spec.Allowlist!.Count > 1);
        Assert.Equal(new[] { "builtin", user, project }, rules.Files);

        var engine = new SurveillanceEngine(rules);
        Assert.Contains(engine.ScanText("deploy with acmedk_q7w3e9r1t5y8u2i6o4p0a3s7").Findings, f => f.RuleId == "acme-deploy-key");
        Assert.Equal(VerdictDecision.Block, engine.CheckToolCall("bash", Engines.Json("command", "printenv")).Decision);
    }

    [Fact]
    public void Invalid_rules_are_refused_with_file_and_line()
    {
        var e = Assert.Throws<SmoothException>(() => RuleFileParser.Parse("""
            rules:
              - id: ok-rule
                category: secret
                severity: high
                action: redact
                description: d
                regex: 'abc'
              - id: bad-rule
                category: secrets
                severity: extreme
                colour: red
                regex: 'x'
            """, "project.yaml"));
        Assert.Contains("project.yaml:8: rule 'bad-rule': category: 'secrets' is not one of secret, injection, command, write", e.Message);
        Assert.Contains("severity: 'extreme'", e.Message);
        Assert.Contains("project.yaml:11: 'colour': unknown rule field", e.Message);
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);

        var compile = Assert.Throws<SmoothException>(() => RuleSetLoader.Build([RuleFileParser.Parse("""
            rules:
              - id: broken
                category: command
                severity: low
                action: alert
                description: d
                regex: '(unclosed'
            """, "p.yaml")]));
        Assert.Contains("p.yaml:2: rule 'broken': regex: not a valid regex", compile.Message);

        var yaml = Assert.Throws<SmoothException>(() => RuleFileParser.Parse("rules: [\n  - id: x\n", "y.yaml"));
        Assert.Contains("y.yaml:", yaml.Message);
    }

    [Fact]
    public void A_catastrophic_regex_runs_in_linear_time_on_the_non_backtracking_engine()
    {
        var rules = RuleSetLoader.Build([RuleFileParser.Parse("""
            rules:
              - id: evil-nested
                category: injection
                severity: low
                action: alert
                description: nested quantifiers that explode a backtracking engine
                regex: '(a+)+$'
            """, "evil.yaml")]);
        Assert.False(rules.Find("evil-nested")!.UsesBacktracking);
        var engine = new SurveillanceEngine(rules);
        // 50,000 'a' then '!': exponential for a backtracking engine, one pass for this one.
        var result = engine.ScanText(new string('a', 50_000) + "!");
        Assert.Empty(result.Findings);
        Assert.Single(engine.ScanText(new string('a', 50_000)).Findings);
    }

    [Fact]
    public void A_regex_that_needs_backtracking_is_refused_unless_asked_for_and_then_bounded_by_a_timeout()
    {
        const string Rule = """
            rules:
              - id: evil-backref
                category: injection
                severity: low
                action: alert
                description: a backreference after nested quantifiers
                regex: '^(\w+\s?)*\1$'
            """;
        var refused = Assert.Throws<SmoothException>(() => RuleSetLoader.Build([RuleFileParser.Parse(Rule, "evil.yaml")]));
        Assert.Contains("evil.yaml:2: rule 'evil-backref': regex: needs backtracking", refused.Message);
        Assert.Contains("backtracking: true", refused.Message);

        var rules = RuleSetLoader.Build([RuleFileParser.Parse(Rule + "\n    backtracking: true\n", "evil.yaml")]);
        Assert.True(rules.Find("evil-backref")!.UsesBacktracking);
        var events = new EventRing();
        var engine = new SurveillanceEngine(rules, events: events);
        var input = string.Concat(Enumerable.Repeat("word ", 40)) + "!";
        var result = engine.ScanText(input);
        Assert.Empty(result.Findings);
        var timeout = Assert.Single(events.Snapshot(), e => e.Type == SurveillanceEvents.RuleTimeout);
        Assert.Equal("evil-backref", timeout.Attributes["rule"]);
    }

    [Fact]
    public async Task A_project_rule_added_to_the_file_takes_effect_through_the_watcher()
    {
        using var repo = new TempDir();
        var stateDir = repo.Combine(".smooth");
        Directory.CreateDirectory(stateDir);
        var projectFile = RuleSetLoader.ProjectRulesPath(repo.Path);
        var events = new EventRing();
        var engine = new SurveillanceEngine(await RuleSetLoader.LoadAsync(null, projectFile, CancellationToken.None), events: events);
        using var watcher = new RuleFileWatcher(engine, null, projectFile, events, TimeSpan.FromMilliseconds(50));
        const string Text = "token acmedk_q7w3e9r1t5y8u2i6o4p0a3s7 here";
        Assert.Empty(engine.ScanText(Text).Findings);

        await File.WriteAllTextAsync(projectFile, CompanyRule);
        await WaitUntilAsync(() => engine.ScanText(Text).Findings.Any(f => f.RuleId == "acme-deploy-key"));
        Assert.True(watcher.Generation >= 1);

        // A broken edit keeps the rules in force and says why.
        await File.WriteAllTextAsync(projectFile, "rules:\n  - id: acme-deploy-key\n    regex: '(bad'\n");
        await WaitUntilAsync(() => watcher.LastError is not null);
        Assert.Contains(engine.ScanText(Text).Findings, f => f.RuleId == "acme-deploy-key");
        Assert.Contains(events.Snapshot(), e => e.Type == SurveillanceEvents.RulesInvalid);
    }

    [Fact]
    public async Task A_rule_file_emptied_mid_rewrite_does_not_drop_the_rules_before_a_broken_edit()
    {
        using var repo = new TempDir();
        Directory.CreateDirectory(repo.Combine(".smooth"));
        var projectFile = RuleSetLoader.ProjectRulesPath(repo.Path);
        await File.WriteAllTextAsync(projectFile, CompanyRule);
        var events = new EventRing();
        var engine = new SurveillanceEngine(await RuleSetLoader.LoadAsync(null, projectFile, CancellationToken.None), events: events);
        using var watcher = new RuleFileWatcher(engine, null, projectFile, events, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(60));
        const string Text = "token acmedk_q7w3e9r1t5y8u2i6o4p0a3s7 here";
        Assert.Contains(engine.ScanText(Text).Findings, f => f.RuleId == "acme-deploy-key");

        // A writer truncates the file (a valid, empty rule file) and stalls well past the debounce window (and past
        // the watcher noticing: without the defence the empty set is in force by now) ...
        await File.WriteAllTextAsync(projectFile, "");
        await Task.Delay(TimeSpan.FromMilliseconds(2000));
        Assert.Contains(engine.ScanText(Text).Findings, f => f.RuleId == "acme-deploy-key");
        // ... then writes a broken version: the rules in force must still be the full ones.
        await File.WriteAllTextAsync(projectFile, "rules:\n  - id: acme-deploy-key\n    regex: '(bad'\n");
        await WaitUntilAsync(() => watcher.LastError is not null);
        Assert.Contains(engine.ScanText(Text).Findings, f => f.RuleId == "acme-deploy-key");
        Assert.Equal(0, watcher.Generation);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition(), "the watcher did not react within 10 s");
    }
}
