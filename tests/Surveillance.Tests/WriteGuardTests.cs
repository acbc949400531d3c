namespace Smooth.Surveillance.Tests;

public sealed class WriteGuardTests
{
    private static SurveillanceVerdict Write(string path, string content = "x", SurveillanceOptions? options = null) =>
        Engines.Create(options: options).CheckToolCall("write_file", Engines.Json(new Dictionary<string, string> { ["path"] = path, ["content"] = content }));

    [Theory]
    [InlineData(".git/hooks/pre-commit")]
    [InlineData("a/../.git/hooks/pre-commit")]
    [InlineData("./.git//hooks/post-checkout")]
    [InlineData("src/../../workspace/.git/hooks/x")]
    [InlineData("/workspace/.git/hooks/pre-push")]
    [InlineData(".GIT/HOOKS/pre-commit")]
    [InlineData(".git/config")]
    [InlineData("vendor/lib/.git/config")]
    [InlineData(".github/workflows/ci.yml")]
    [InlineData(".smooth/surveillance.yaml")]
    [InlineData(".bashrc")]
    [InlineData("~/.zshrc")]
    public void Protected_paths_are_refused_whatever_their_spelling(string path)
    {
        var verdict = Write(path);
        Assert.Equal(VerdictDecision.Block, verdict.Decision);
        Assert.Contains("protected", verdict.Reason + string.Join(" ", verdict.Findings.Select(f => f.Description)));
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("src/../../x")]
    public void Writes_outside_the_workspace_are_refused(string path)
    {
        var verdict = Write(path);
        Assert.Equal(VerdictDecision.Block, verdict.Decision);
        Assert.Contains(verdict.Findings, f => f.RuleId == "path-outside-workspace");
    }

    [Theory]
    [InlineData("src/app.cs")]
    [InlineData("docs/.github-notes.md")]
    [InlineData("/workspace/README.md")]
    [InlineData("tools/hooks/pre-commit")]
    public void Ordinary_paths_are_allowed(string path)
    {
        Assert.Equal(VerdictDecision.Allow, Write(path).Decision);
    }

    [Fact]
    public void Protected_globs_come_from_options()
    {
        var options = new SurveillanceOptions { ProtectedPaths = ["deploy/**", "*.pem"] };
        Assert.Equal(VerdictDecision.Block, Write("deploy/prod.yaml", options: options).Decision);
        Assert.Equal(VerdictDecision.Block, Write("certs/site.pem", options: options).Decision);
        Assert.Equal(VerdictDecision.Allow, Write(".github/workflows/ci.yml", options: options).Decision);
    }

    [Fact]
    public void Patches_are_checked_for_every_path_they_touch()
    {
        var engine = Engines.Create();
        var envelope = "*** Begin Patch\n*** Update File: src/app.cs\n@@\n-a\n+b\n*** Add File: .git/hooks/post-merge\n+#!/bin/sh\n*** End Patch";
        Assert.Equal(VerdictDecision.Block, engine.CheckToolCall("apply_patch", Engines.Json("patch", envelope)).Decision);
        var unified = "diff --git a/src/x.cs b/.github/workflows/evil.yml\n--- a/src/x.cs\n+++ b/.github/workflows/evil.yml\n@@ -1 +1 @@\n-a\n+b\n";
        Assert.Equal(VerdictDecision.Block, engine.CheckToolCall("apply_patch", Engines.Json("patch", unified)).Decision);
        Assert.Equal(VerdictDecision.Block, engine.CheckToolCall("apply_patch", Engines.Json("patch", "no paths here")).Decision);
    }

    [Fact]
    public void Writing_a_secret_is_refused_but_removing_one_is_not()
    {
        var key = Engines.Sample("stripe-secret-key");
        var verdict = Write("src/pay.ts", $"const key = \"{key}\";");
        Assert.Equal(VerdictDecision.Block, verdict.Decision);
        Assert.Contains("stripe-secret-key", verdict.Reason);
        Assert.Contains("environment variable", verdict.Reason);
        var removal = $"--- a/src/pay.ts\n+++ b/src/pay.ts\n@@ -1 +1 @@\n-const key = \"{key}\";\n+const key = process.env.STRIPE_KEY;\n";
        Assert.Equal(VerdictDecision.Allow, Engines.Create().CheckToolCall("apply_patch", Engines.Json("patch", removal)).Decision);
    }

    [Fact]
    public void Fixture_directories_from_the_allowlist_may_hold_secrets()
    {
        var key = Engines.Sample("github-pat");
        Assert.Equal(VerdictDecision.Allow, Write("tests/testdata/tokens.txt", key).Decision);
        Assert.Equal(VerdictDecision.Block, Write("src/tokens.txt", key).Decision);
    }

    [Fact]
    public void A_fixture_path_in_a_patch_does_not_let_a_secret_into_other_files()
    {
        var key = Engines.Sample("github-pat");
        var patch = $"*** Begin Patch\n*** Add File: tests/testdata/ok.txt\n+fixture\n*** Add File: src/config.ts\n+const t = \"{key}\";\n*** End Patch";
        Assert.Equal(VerdictDecision.Block, Engines.Create().CheckToolCall("apply_patch", Engines.Json("patch", patch)).Decision);
    }
}
