using System.Net;
using Smooth.Core;
using Smooth.Egress;
using Smooth.Policy;
using Smooth.TestSupport;

namespace Smooth.Policy.Tests;

/// <summary>Wonk: the file format, layering with sources, decisions (deny wins) and hot reload.</summary>
public sealed class PolicyTests
{
    private static EgressRequest Http(string host, int port, string method = "GET", string path = "/") =>
        new(host, port, "http", method, path, IPAddress.TryParse(host, out var a) ? a : null);

    private static EgressRequest Connect(string host, int port) => new(host, port, "connect", null, null, IPAddress.TryParse(host, out var a) ? a : null);

    private static PolicySet Set(string yaml) => new([.. PolicyDefaults.Rules, .. PolicyDocument.Parse(yaml, "project", "policy.yaml", denyOnly: false)]);

    [Fact]
    public void Errors_name_the_file_and_line_and_unknown_keys_are_refused()
    {
        var bad = Assert.Throws<PolicyFileError>(() => PolicyDocument.Parse("network:\n  allow:\n    - host: [oops\n", "project", "p.yaml", false));
        Assert.Matches(@"^p\.yaml:[34]: ", bad.Message); // the parser names where it noticed the unclosed list
        var typo = Assert.Throws<PolicyFileError>(() => PolicyDocument.Parse("network:\n  alow:\n    - api.github.com\n", "project", "p.yaml", false));
        Assert.Contains("p.yaml:2", typo.Message);
        Assert.Contains("unknown key 'network.alow'", typo.Message);
        Assert.Throws<PolicyFileError>(() => PolicyDocument.Parse("netwrk: {}\n", "project", "p.yaml", false));
    }

    [Fact]
    public void The_organisation_overlay_may_only_deny()
    {
        var e = Assert.Throws<PolicyFileError>(() => PolicyDocument.Parse("network:\n  allow: [evil.com]\n", "org", "org.yaml", denyOnly: true));
        Assert.Contains("may only deny", e.Message);
        Assert.Single(PolicyDocument.Parse("tools:\n  deny: [http_fetch]\n", "org", "org.yaml", denyOnly: true));
    }

    [Fact]
    public void Deny_wins_and_suffixes_ports_methods_and_paths_match_exactly()
    {
        var p = Set("""
            network:
              allow:
                - "*.example.com"
                - api.github.com:443
                - {host: docs.internal:80, methods: [GET], path: /api}
              deny:
                - bad.example.com
            """);
        Assert.True(p.Network(Connect("www.example.com", 443)).Allowed);
        Assert.False(p.Network(Connect("bad.example.com", 443)).Allowed); // deny beats the wildcard allow
        Assert.Equal("deny", p.Network(Connect("bad.example.com", 443)).Verdict);
        Assert.False(p.Network(Connect("evilexample.com", 443)).Allowed); // a suffix is a whole label
        Assert.False(p.Network(Connect("api.github.com", 22)).Allowed);
        Assert.True(p.Network(Http("docs.internal", 80, "GET", "/api/v1")).Allowed);
        Assert.False(p.Network(Http("docs.internal", 80, "GET", "/api2")).Allowed);
        Assert.False(p.Network(Http("docs.internal", 80, "GET", "/api/../admin")).Allowed);
        Assert.False(p.Network(Http("docs.internal", 80, "GET", "/api/%2e%2e/admin")).Allowed);
        Assert.False(p.Network(Http("docs.internal", 80, "POST", "/api/v1")).Allowed);
        Assert.Equal("ask", p.Network(Connect("pypi.org", 443)).Verdict); // unknown: denied, but a person may grant it
    }

    [Fact]
    public void Protected_paths_hold_inside_the_workspace_and_against_traversal()
    {
        var p = Set("files:\n  protected: [\"deploy/**\"]\n  read_deny: [\"secrets/*.key\"]\n");
        Assert.False(p.Write(".git/hooks/pre-commit").Allowed);
        Assert.False(p.Write(Surveillance.Guards.PathNormalizer.Normalize("src/../.git/hooks/pre-commit", "/workspace", out _)).Allowed);
        Assert.False(p.Write(".github/workflows/ci.yml").Allowed);
        Assert.False(p.Write("deploy/prod.yaml").Allowed);
        Assert.True(p.Write("src/app.cs").Allowed);
        Assert.False(p.Read("secrets/prod.key").Allowed);
        Assert.False(p.Read(".env").Allowed);
        Assert.True(p.Read("README.md").Allowed);
    }

    [Fact]
    public void Tools_and_commands_follow_their_lists()
    {
        var p = Set("tools:\n  deny: [http_fetch]\ncommands:\n  deny: [\"git push\"]\n");
        Assert.False(p.Tool("http_fetch").Allowed);
        Assert.True(p.Tool("bash").Allowed);
        Assert.False(p.Command("git  'push' origin main").Allowed); // quotes and blanks do not disguise it
        Assert.True(p.Command("git status").Allowed);
        var only = Set("tools:\n  allow: [read_file, grep]\n");
        Assert.False(only.Tool("bash").Allowed);
        Assert.True(only.Tool("grep").Allowed);
    }

    [Fact]
    public async Task Layers_record_their_sources_and_a_broken_edit_keeps_the_last_good_policy()
    {
        using var repo = await Git.CreateRepoAsync();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".smooth"));
        var file = PolicyLayers.ProjectFile(repo.Path);
        await File.WriteAllTextAsync(file, "network:\n  allow:\n    - api.github.com\n");
        var layers = PolicyLayers.Load(repo.Path);
        var rule = Assert.Single(layers.Current.Rules, r => r.Section == "network.allow");
        Assert.Equal($"project {file}:3", rule.Source);
        Assert.Contains(layers.Current.Rules, r => r.Source == "default" && r.Text == "**/.git/hooks/**");
        string? rejected = null;
        layers.Rejected += e => rejected = e;

        await File.WriteAllTextAsync(file, "network:\n  allow:\n    - pypi.org\n    - host: [broken\n");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(-5)); // quiet long enough to count as settled
        layers.ReloadIfChanged();
        Assert.NotNull(rejected);
        Assert.Matches(@"policy\.yaml:\d+: ", rejected);
        Assert.True(layers.Current.Network(Connect("api.github.com", 443)).Allowed); // the old policy stays
        Assert.False(layers.Current.Network(Connect("pypi.org", 443)).Allowed);

        await File.WriteAllTextAsync(file, "network:\n  allow:\n    - pypi.org\n");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(-3));
        layers.ReloadIfChanged();
        Assert.True(layers.Current.Network(Connect("pypi.org", 443)).Allowed); // a good edit takes effect without restart
        Assert.False(layers.Current.Network(Connect("api.github.com", 443)).Allowed);
        Assert.True(layers.ForRun(["127.0.0.1:8080"]).Network(Connect("127.0.0.1", 8080)).Allowed);
    }

    [Fact]
    public async Task A_policy_file_caught_half_written_does_not_replace_the_policy_in_force()
    {
        using var repo = await Git.CreateRepoAsync();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".smooth"));
        var file = PolicyLayers.ProjectFile(repo.Path);
        await File.WriteAllTextAsync(file, "network:\n  allow:\n    - '*.example.com'\n  deny:\n    - vault.example.com\n");
        var layers = PolicyLayers.Load(repo.Path);
        Assert.False(layers.Current.Network(Connect("vault.example.com", 443)).Allowed);

        // An editor has truncated the file and written its first half: it parses, and lacks the deny rule.
        await File.WriteAllTextAsync(file, "network:\n  allow:\n    - '*.example.com'\n");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
        layers.ReloadIfChanged();
        Assert.False(layers.Current.Network(Connect("vault.example.com", 443)).Allowed); // the deny stays in force
        Assert.Null(layers.LastRejection);

        // Left as it is past the settle window, it is the new version.
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow - PolicyLayers.Settle - TimeSpan.FromSeconds(1));
        layers.ReloadIfChanged();
        Assert.True(layers.Current.Network(Connect("vault.example.com", 443)).Allowed);
    }

    [Fact]
    public async Task The_gate_names_an_address_explicitly_only_for_an_ip_literal_rule()
    {
        using var repo = await Git.CreateRepoAsync();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".smooth"));
        await File.WriteAllTextAsync(PolicyLayers.ProjectFile(repo.Path), "network:\n  allow:\n    - localhost.example.com\n");
        var events = new Core.Events.EventRing(100);
        var gate = new PolicyGate(PolicyLayers.Load(repo.Path), ["127.0.0.1:8080"], events, "run-1");
        var byName = await gate.CheckAsync(Connect("localhost.example.com", 443), default);
        Assert.True(byName.Allowed);
        Assert.False(byName.NamesAddressExplicitly); // a name resolving to loopback is still refused by the proxy
        var literal = await gate.CheckAsync(Connect("127.0.0.1", 8080), default);
        Assert.True(literal.NamesAddressExplicitly);
        var metadata = await gate.CheckAsync(Connect("169.254.169.254", 80), default);
        Assert.False(metadata.Allowed);
        Assert.True(metadata.Askable);
    }

    [Fact]
    public async Task A_broken_policy_file_is_a_clear_error_for_th()
    {
        using var repo = await Git.CreateRepoAsync();
        await Th.RunOkAsync(repo.Path, "init");
        await File.WriteAllTextAsync(PolicyLayers.ProjectFile(repo.Path), "tools:\n  deny: http_fetch\n");
        var r = await Th.RunAsync(repo.Path, ["access", "policy"]);
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("policy.yaml:2", r.StandardError);
        await File.WriteAllTextAsync(PolicyLayers.ProjectFile(repo.Path), "tools:\n  deny: [http_fetch]\n");
        var ok = await Th.RunAsync(repo.Path, ["access", "policy", "--json"]);
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("\"tools.deny\"", ok.StandardOutput);
        Assert.Contains("policy.yaml:2", ok.StandardOutput);
    }

    [Fact]
    public async Task Approving_at_project_scope_writes_a_valid_rule_that_hot_reload_applies()
    {
        using var repo = await Git.CreateRepoAsync();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".smooth"));
        await File.WriteAllTextAsync(PolicyLayers.ProjectFile(repo.Path), "tools:\n  deny: [http_fetch]\n");
        var layers = PolicyLayers.Load(repo.Path);
        Assert.False(layers.Current.Network(Connect("pypi.org", 443)).Allowed);
        await using var store = await Access.AccessRequestStore.OpenAsync(repo.Path, default);
        var request = await store.FileAsync("run-1", "network", "pypi.org:443", "no rule allows host pypi.org:443", default);
        Assert.Equal(request.Id, (await store.FileAsync("run-1", "network", "pypi.org:443", "again", default)).Id); // one pending request per resource

        var approved = await store.ApproveAsync(request.Id, "project", default);

        Assert.Equal("approved", approved.Status);
        File.SetLastWriteTimeUtc(PolicyLayers.ProjectFile(repo.Path), DateTime.UtcNow.AddSeconds(-5));
        layers.ReloadIfChanged();
        Assert.True(layers.Current.Network(Connect("pypi.org", 443)).Allowed);
        Assert.False(layers.Current.Tool("http_fetch").Allowed); // the rest of the file survived the rewrite
        await Assert.ThrowsAsync<SmoothException>(() => store.DenyAsync(request.Id, default)); // decided once
        Assert.Empty(await store.ListPendingAsync(default));
    }

    [Fact]
    public async Task A_once_grant_is_used_up_by_one_request()
    {
        using var repo = await Git.CreateRepoAsync();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".smooth"));
        await using var store = await Access.AccessRequestStore.OpenAsync(repo.Path, default);
        var r = await store.FileAsync("run-1", "network", "10.0.0.5:80", "no rule", default);
        await store.ApproveAsync(r.Id, "once", default);
        Assert.True(await store.TryConsumeGrantAsync("run-1", "network", "10.0.0.5:80", default));
        Assert.False(await store.TryConsumeGrantAsync("run-1", "network", "10.0.0.5:80", default));
        Assert.False(await store.TryConsumeGrantAsync("run-2", "network", "10.0.0.5:80", default));
    }

    [Fact]
    public async Task A_runs_policy_keeps_its_own_hosts_and_follows_a_reload()
    {
        using var repo = await Git.CreateRepoAsync();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".smooth"));
        var file = PolicyLayers.ProjectFile(repo.Path);
        await File.WriteAllTextAsync(file, "network:\n  allow: [api.github.com]\n");
        var layers = PolicyLayers.Load(repo.Path);
        var run = new RunPolicy(layers, ["127.0.0.1:8080"]);
        Assert.Same(run.Current, run.Current); // compiled once, not per question
        Assert.True(run.Current.Network(Connect("127.0.0.1", 8080)).Allowed);
        Assert.False(run.Current.Network(Connect("pypi.org", 443)).Allowed);

        await File.WriteAllTextAsync(file, "network:\n  allow: [pypi.org]\n");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(-5)); // quiet long enough to count as settled
        layers.ReloadIfChanged();

        Assert.True(run.Current.Network(Connect("pypi.org", 443)).Allowed);
        Assert.True(run.Current.Network(Connect("127.0.0.1", 8080)).Allowed);
        Assert.False(run.Current.Network(Connect("api.github.com", 443)).Allowed);
    }
}
