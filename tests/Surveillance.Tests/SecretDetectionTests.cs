using Smooth.Core.Events;

namespace Smooth.Surveillance.Tests;

public sealed class SecretDetectionTests
{
    [Theory]
    [InlineData("github-pat")]
    [InlineData("aws-access-key-id")]
    [InlineData("openai-api-key")]
    [InlineData("anthropic-api-key")]
    [InlineData("stripe-secret-key")]
    [InlineData("slack-bot-token")]
    [InlineData("connection-string-password")]
    [InlineData("jwt")]
    public void Secret_in_a_tool_result_is_replaced_by_a_redaction_marker(string ruleId)
    {
        var sample = Engines.Sample(ruleId);
        var text = $"config loaded:\n  value: {sample}\nready\n";
        var result = Engines.Create().ScanToolResult("read_file", text);

        var finding = Assert.Single(result.Findings, f => f.RuleId == ruleId);
        var secret = text.Substring(finding.Span.Start, finding.Span.Length);
        Assert.DoesNotContain(secret, result.RedactedText);
        Assert.Contains($"[REDACTED:{ruleId}]", result.RedactedText);
        Assert.StartsWith("config loaded:\n  value: ", result.RedactedText);
        Assert.EndsWith("\nready\n", result.RedactedText);
        Assert.Equal(2, finding.Span.Line);
        Assert.Equal(VerdictDecision.Allow, result.Verdict.Decision);
    }

    [Fact]
    public void Findings_events_and_verdicts_never_carry_the_secret()
    {
        var events = new EventRing();
        var engine = Engines.Create(events);
        var token = Engines.Sample("github-fine-grained-pat");
        var result = engine.ScanToolResult("read_file", $"GH_TOKEN={token}");
        var write = engine.CheckToolCall("write_file", Engines.Json(new Dictionary<string, string> { ["path"] = "src/config.ts", ["content"] = $"const t = \"{token}\";" }));

        Assert.Equal(VerdictDecision.Block, write.Decision);
        Assert.DoesNotContain(token, write.Reason);
        foreach (var f in result.Findings.Concat(write.Findings))
        {
            Assert.DoesNotContain(token, f.ToString());
            Assert.DoesNotContain(token, f.Preview);
        }
        Assert.NotEmpty(events.Snapshot());
        foreach (var e in events.Snapshot())
        {
            Assert.All(e.Attributes.Values, v => Assert.DoesNotContain(token, v));
        }
    }

    [Fact]
    public void A_private_key_block_is_redacted_whole()
    {
        var key = Engines.Sample("private-key");
        var text = $"$ cat deploy/id\n{key}\n$ echo done\n";
        var result = Engines.Create().ScanToolResult("bash", text);
        Assert.Equal("$ cat deploy/id\n[REDACTED:private-key]\n$ echo done\n", result.RedactedText);
    }

    [Theory]
    [InlineData("aws_access_key_id = AKIAIOSFODNN7EXAMPLE")]
    [InlineData("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("api_key = \"<your-api-key>\"")]
    [InlineData("token: ${GITHUB_TOKEN}")]
    [InlineData("DATABASE_URL=postgres://user:password@localhost:5432/app")]
    [InlineData("commit 9fceb02d0ae598e95dc970b74767f19372d61af8")]
    [InlineData("\"integrity\": \"sha512-q0HmUq7DFL2x8Kd4JbLy3HnqnJGJx4u5l2b0b7tYQk2g5Q9iZ5bBf3GQz8p8h5QaL6rQqN2hF2m1k6y3n5r9vA==\"")]
    [InlineData("request 4f1c2e9a-7b3d-4e8f-9a1b-2c3d4e5f6a7b done")]
    [InlineData("secret_key = \"user_profile_settings\"")]
    [InlineData("password = \"aaaaaaaaaaaaaaaaaaaa\"")]
    public void Near_misses_and_placeholders_are_not_secrets(string text)
    {
        var result = Engines.Create().ScanToolResult("read_file", text);
        Assert.DoesNotContain(result.Findings, f => f.Category == RuleCategory.Secret);
        Assert.Equal(text, result.RedactedText);
    }

    [Fact]
    public void Generic_assignment_needs_enough_entropy_and_low_certainty_goes_to_the_judge()
    {
        var engine = Engines.Create();
        Assert.Contains(engine.ScanText("client_secret = \"Zq8vN2xLw4Rt7YpK3mHs9BdF6gJc1TnE\"").Findings, f => f.RuleId == "generic-secret-assignment" && f.Action == RuleAction.Redact);
        // 16 hex characters: above the entropy floor, below certainty -> the judge decides (still redacted in results).
        var uncertain = engine.ScanToolResult("read_file", "api_key = \"3f9a1c7e5b2d8f04\"");
        var f = Assert.Single(uncertain.Findings);
        Assert.Equal(RuleAction.Judge, f.Action);
        Assert.Contains("[REDACTED:generic-secret-assignment]", uncertain.RedactedText);
    }

    [Fact]
    public void Inline_marker_allows_a_deliberate_fixture_secret_but_the_same_secret_elsewhere_is_found()
    {
        var token = Engines.Sample("npm-access-token");
        var engine = Engines.Create();
        Assert.Empty(engine.ScanText($"const fixture = \"{token}\"; // narc:allow test fixture").Findings);
        Assert.NotEmpty(engine.ScanText($"const real = \"{token}\";").Findings);
        // In any letter case, and only on its own line.
        Assert.Empty(engine.ScanText($"const fixture = \"{token}\"; // NARC:Allow").Findings);
        Assert.Single(engine.ScanText($"// narc:allow\nconst real = \"{token}\";").Findings);
    }

    [Fact]
    public void Keyword_prefilter_skips_rules_whose_keywords_are_absent_but_the_match_is_case_insensitive()
    {
        // The keyword scan is case-insensitive: an upper-case keyword still triggers the rule.
        var token = Engines.Sample("sendgrid-api-key");
        Assert.StartsWith("SG.", token);
        Assert.Contains(Engines.Create().ScanText(token).Findings, f => f.RuleId == "sendgrid-api-key");
        Assert.Empty(Engines.Create().ScanText("plain prose without any credential in it, just words.").Findings);
    }
}
