using System.Net;
using Smooth.Egress;

namespace Smooth.Policy.Tests;

/// <summary>The pearl scope, MCP and auto-approve sections, and tool calls a person may grant.</summary>
public sealed class PolicySectionTests
{
    private static PolicySet Set(params string[] yamls) =>
        new([.. PolicyDefaults.Rules, .. yamls.SelectMany((y, i) => PolicyDocument.Parse(y, i == 0 ? "user" : "project", $"p{i}.yaml", denyOnly: false))]);

    [Fact]
    public void Pearl_scope_defaults_to_depth_two_and_layers_only_narrow_it()
    {
        var open = Set("");
        Assert.Equal(2, open.PearlDepth);
        Assert.True(open.Pearl(0).Allowed);
        Assert.True(open.Pearl(2).Allowed);
        Assert.Equal("deny", open.Pearl(3).Verdict);
        Assert.Equal("deny", open.Pearl(null).Verdict);
        Assert.True(open.PearlCreate().Allowed);

        var narrowed = Set("pearls:\n  depth: 4\n", "pearls:\n  depth: 1\n  create: false\n");
        Assert.Equal(1, narrowed.PearlDepth); // the smaller depth wins whichever layer says it
        Assert.False(narrowed.Pearl(2).Allowed);
        Assert.Contains("p1.yaml:2", narrowed.Pearl(2).Reason);
        Assert.Equal("deny", narrowed.PearlCreate().Verdict);
        Assert.Contains("p1.yaml:3", narrowed.PearlCreate().Reason);
    }

    [Fact]
    public void Bad_values_in_the_new_sections_are_errors_with_their_line()
    {
        Assert.Contains("p.yaml:2", Assert.Throws<PolicyFileError>(() => PolicyDocument.Parse("pearls:\n  depth: 9\n", "project", "p.yaml", false)).Message);
        Assert.Contains("true or false", Assert.Throws<PolicyFileError>(() => PolicyDocument.Parse("pearls:\n  create: maybe\n", "project", "p.yaml", false)).Message);
        Assert.Contains("unknown key 'pearls.scope'", Assert.Throws<PolicyFileError>(() => PolicyDocument.Parse("pearls:\n  scope: 2\n", "project", "p.yaml", false)).Message);
        Assert.Contains("p.yaml:3", Assert.Throws<PolicyFileError>(() => PolicyDocument.Parse("mcp:\n  allow:\n    - \"bad server/x\"\n", "project", "p.yaml", false)).Message);
        Assert.Contains("host[:port] only", Assert.Throws<PolicyFileError>(() => PolicyDocument.Parse("auto_approve:\n  network:\n    - {host: a.com, path: /x}\n", "project", "p.yaml", false)).Message);
        // The organisation overlay can narrow the pearl scope and deny MCP tools, but never widen anything.
        Assert.Contains("may only deny", Assert.Throws<PolicyFileError>(() => PolicyDocument.Parse("auto_approve:\n  tools: [bash]\n", "org", "org.yaml", true)).Message);
        Assert.Contains("may only deny", Assert.Throws<PolicyFileError>(() => PolicyDocument.Parse("mcp:\n  allow: [github]\n", "org", "org.yaml", true)).Message);
        Assert.Equal(2, PolicyDocument.Parse("pearls:\n  depth: 1\nmcp:\n  deny: [github/delete_repo]\n", "org", "org.yaml", true).Count);
    }

    [Fact]
    public void Mcp_rules_name_a_server_or_one_tool_and_deny_wins()
    {
        var p = Set("mcp:\n  allow: [playwright, \"github/*\"]\n  deny: [github/delete_repo]\n");
        Assert.True(p.Mcp("playwright", "browser_click").Allowed);
        Assert.True(p.Mcp("playwright", null).Allowed);
        Assert.True(p.Mcp("github", "create_issue").Allowed);
        Assert.Equal("deny", p.Mcp("github", "delete_repo").Verdict);
        Assert.True(p.Mcp("github", null).Allowed); // one denied tool does not close the whole server
        Assert.Equal("ask", p.Mcp("slack", "post").Verdict);
        Assert.Equal("ask", p.Mcp("Playwright", null).Verdict); // names are exact
    }

    [Fact]
    public void A_tool_left_out_of_the_allowed_list_is_askable_and_a_denied_one_is_not()
    {
        var p = Set("tools:\n  allow: [read_file, bash]\n  deny: [http_fetch]\n");
        Assert.True(p.Tool("bash").Allowed);
        Assert.Equal("ask", p.Tool("write_file").Verdict);
        Assert.Equal("deny", p.Tool("http_fetch").Verdict);
    }

    [Fact]
    public void Auto_approve_covers_only_what_it_names()
    {
        var p = Set("auto_approve:\n  network: [\"*.npmjs.org\", pypi.org:443]\n  tools: [write_file]\n  mcp: [github/create_issue]\n");
        EgressRequest Connect(string host, int port) => new(host, port, "connect", null, null, IPAddress.TryParse(host, out var a) ? a : null);
        Assert.NotNull(p.AutoApprove("network", "registry.npmjs.org:443", Connect("registry.npmjs.org", 443)));
        Assert.NotNull(p.AutoApprove("network", "pypi.org:443", Connect("pypi.org", 443)));
        Assert.Null(p.AutoApprove("network", "pypi.org:80", Connect("pypi.org", 80)));
        Assert.Null(p.AutoApprove("network", "npmjs.org.evil.com:443", Connect("npmjs.org.evil.com", 443)));
        Assert.NotNull(p.AutoApprove("tool", "write_file"));
        Assert.Null(p.AutoApprove("tool", "bash"));
        Assert.NotNull(p.AutoApprove("mcp", "github/create_issue"));
        Assert.Null(p.AutoApprove("mcp", "github/delete_repo"));
        Assert.Null(p.AutoApprove("surveillance", "bash#abc"));
        // Auto-approve answers access requests; it does not turn an unknown host into a plain allow.
        Assert.Equal("ask", p.Network(Connect("pypi.org", 443)).Verdict);
    }

    [Fact]
    public void Granted_rules_in_the_new_sections_survive_a_rewrite()
    {
        var rules = PolicyDocument.Parse("pearls:\n  depth: 1\n  create: false\nmcp:\n  allow: [playwright]\nauto_approve:\n  tools: [bash]\n", "project", "p.yaml", false);
        var again = PolicyDocument.Parse(PolicyWriter.Write([.. rules, new PolicyRule("tools.allow", "list_files", "access request ar-1")], "test"), "project", "p.yaml", false);
        Assert.Equal(
            ["auto_approve.tools=bash", "mcp.allow=playwright", "pearls.create=false", "pearls.depth=1", "tools.allow=list_files"],
            again.Select(r => $"{r.Section}={r.Text}").Order(StringComparer.Ordinal).ToArray());
    }
}
