using System.Net;
using Smooth.Egress;
using Smooth.Surveillance.Guards;

namespace Smooth.Policy;

/// <summary>The effective policy: every layer's rules, compiled once for fast decisions. Deny always wins.</summary>
public sealed class PolicySet
{
    private readonly (PolicyRule Rule, HostRule Host)[] _netAllow;
    private readonly (PolicyRule Rule, HostRule Host)[] _netDeny;
    private readonly (PolicyRule Rule, PathGlob Glob)[] _protected;
    private readonly (PolicyRule Rule, PathGlob Glob)[] _readDeny;
    private readonly Dictionary<string, PolicyRule> _toolDeny;
    private readonly Dictionary<string, PolicyRule> _toolAllow;
    private readonly PolicyRule[] _commandDeny;
    private readonly (PolicyRule Rule, McpRule Mcp)[] _mcpAllow;
    private readonly (PolicyRule Rule, McpRule Mcp)[] _mcpDeny;
    private readonly (PolicyRule Rule, HostRule Host)[] _autoNetwork;
    private readonly Dictionary<string, PolicyRule> _autoTools;
    private readonly (PolicyRule Rule, McpRule Mcp)[] _autoMcp;

    /// <summary>Compiles <paramref name="rules"/>.</summary>
    public PolicySet(IReadOnlyList<PolicyRule> rules)
    {
        Rules = rules;
        _netAllow = rules.Where(r => r.Section == "network.allow").Select(r => (r, HostRule.Parse(r.Text))).ToArray();
        _netDeny = rules.Where(r => r.Section == "network.deny").Select(r => (r, HostRule.Parse(r.Text))).ToArray();
        _protected = rules.Where(r => r.Section == "files.protected").Select(r => (r, PathGlob.Parse(r.Text))).ToArray();
        _readDeny = rules.Where(r => r.Section == "files.read_deny").Select(r => (r, PathGlob.Parse(r.Text))).ToArray();
        _toolDeny = rules.Where(r => r.Section == "tools.deny").GroupBy(r => r.Text).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _toolAllow = rules.Where(r => r.Section == "tools.allow").GroupBy(r => r.Text).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _commandDeny = rules.Where(r => r.Section == "commands.deny").ToArray();
        _mcpAllow = Mcp(rules, "mcp.allow");
        _mcpDeny = Mcp(rules, "mcp.deny");
        _autoNetwork = rules.Where(r => r.Section == "auto_approve.network").Select(r => (r, HostRule.Parse(r.Text))).ToArray();
        _autoTools = rules.Where(r => r.Section == "auto_approve.tools").GroupBy(r => r.Text).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _autoMcp = Mcp(rules, "auto_approve.mcp");
        // Layers only narrow the pearl scope: the smallest depth wins, and one 'create: false' forbids sub-pearls.
        var depths = rules.Where(r => r.Section == "pearls.depth").ToList();
        PearlDepthRule = depths.MinBy(r => int.Parse(r.Text, System.Globalization.CultureInfo.InvariantCulture));
        PearlDepth = PearlDepthRule is null ? DefaultPearlDepth : int.Parse(PearlDepthRule.Text, System.Globalization.CultureInfo.InvariantCulture);
        PearlCreateRule = rules.FirstOrDefault(r => r.Section == "pearls.create" && r.Text == "false");
    }

    /// <summary>How far along dependency edges an operator sees when no layer says otherwise.</summary>
    public const int DefaultPearlDepth = 2;

    /// <summary>The pearl scope: an operator sees its pearl and the pearls this many dependency steps away.</summary>
    public int PearlDepth { get; }

    /// <summary>The rule that set <see cref="PearlDepth"/>, if one did.</summary>
    public PolicyRule? PearlDepthRule { get; }

    /// <summary>The rule forbidding sub-pearls, if one does.</summary>
    public PolicyRule? PearlCreateRule { get; }

    /// <summary>Every rule, in layer order.</summary>
    public IReadOnlyList<PolicyRule> Rules { get; }

    /// <summary>May the sandbox reach <paramref name="request"/>? (Plain HTTP also checks method and path prefix.)</summary>
    public PolicyDecision Network(EgressRequest request)
    {
        foreach (var (rule, host) in _netDeny)
        {
            if (host.MatchesHost(request) && host.MatchesPort(request.Port)) return new PolicyDecision("deny", $"denied by rule '{rule.Text}' ({rule.Source})", rule);
        }
        PolicyRule? near = null;
        foreach (var (rule, host) in _netAllow)
        {
            if (!host.MatchesHost(request) || !host.MatchesPort(request.Port)) continue;
            if (request.Scheme == "http" && !HttpMatches(rule, request))
            {
                near ??= rule;
                continue;
            }
            return new PolicyDecision("allow", $"allowed by rule '{rule.Text}' ({rule.Source})", rule);
        }
        if (near is not null)
        {
            return new PolicyDecision("ask", $"{request.Method} {request.Path} is outside rule '{near.Text}' (methods {string.Join('/', near.Methods ?? [])}, path {near.PathPrefix ?? "any"})", near);
        }
        return new PolicyDecision("ask", $"no rule allows {(request.IsIpLiteral ? "IP address" : "host")} {request.Authority}");
    }

    /// <summary>May the operator call <paramref name="tool"/>?</summary>
    public PolicyDecision Tool(string tool)
    {
        if (_toolDeny.TryGetValue(tool, out var deny)) return new PolicyDecision("deny", $"the tool {tool} is denied ({deny.Source})", deny);
        // Not denied, only not listed: a person may grant it.
        if (_toolAllow.Count > 0 && !_toolAllow.ContainsKey(tool)) return new PolicyDecision("ask", $"the tool {tool} is not in the allowed list");
        return new PolicyDecision("allow", "allowed");
    }

    /// <summary>
    /// May the operator see a pearl <paramref name="distance"/> dependency steps from its own (0: its own pearl; null: not
    /// connected at all)? Outside the scope is a plain denial: scope is not widened by asking.
    /// </summary>
    public PolicyDecision Pearl(int? distance)
    {
        var source = PearlDepthRule is null ? "default" : PearlDepthRule.Source;
        if (distance is { } d && d >= 0 && d <= PearlDepth) return new PolicyDecision("allow", $"within the pearl scope (depth {PearlDepth}, {source})", PearlDepthRule);
        var where = distance is null ? "not connected to the operator's pearl" : $"{distance} dependency steps away";
        return new PolicyDecision("deny", $"the pearl is {where}; the scope is its own pearl and dependencies to depth {PearlDepth} ({source})", PearlDepthRule);
    }

    /// <summary>May the operator file sub-pearls?</summary>
    public PolicyDecision PearlCreate() => PearlCreateRule is { } rule
        ? new PolicyDecision("deny", $"filing sub-pearls is turned off ({rule.Source})", rule)
        : new PolicyDecision("allow", "allowed");

    /// <summary>May the operator use <paramref name="tool"/> of the MCP server <paramref name="server"/> (any tool when null)?</summary>
    public PolicyDecision Mcp(string server, string? tool)
    {
        var name = tool is null ? server : $"{server}/{tool}";
        foreach (var (rule, mcp) in _mcpDeny)
        {
            if (mcp.Matches(server, tool)) return new PolicyDecision("deny", $"the MCP {name} is denied by '{rule.Text}' ({rule.Source})", rule);
        }
        foreach (var (rule, mcp) in _mcpAllow)
        {
            if (mcp.Matches(server, tool)) return new PolicyDecision("allow", $"allowed by rule '{rule.Text}' ({rule.Source})", rule);
        }
        return new PolicyDecision("ask", $"no rule allows the MCP {name}");
    }

    /// <summary>
    /// The auto-approve rule covering an access request of <paramref name="kind"/> (<c>network</c>: pass
    /// <paramref name="request"/>; <c>tool</c>: the tool name; <c>mcp</c>: <c>server/tool</c>), if one does. Such a request is
    /// granted for the run at once, still recorded as an access request.
    /// </summary>
    public PolicyRule? AutoApprove(string kind, string resource, EgressRequest? request = null)
    {
        switch (kind)
        {
            case "network" when request is not null:
                foreach (var (rule, host) in _autoNetwork)
                {
                    if (host.MatchesHost(request) && host.MatchesPort(request.Port)) return rule;
                }
                return null;
            case "tool":
                return _autoTools.GetValueOrDefault(resource);
            case "mcp":
                var slash = resource.IndexOf('/');
                var server = slash < 0 ? resource : resource[..slash];
                var tool = slash < 0 ? null : resource[(slash + 1)..];
                foreach (var (rule, mcp) in _autoMcp)
                {
                    if (mcp.Matches(server, tool)) return rule;
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>May the operator write <paramref name="relativePath"/> (normalised, relative to the workspace)?</summary>
    public PolicyDecision Write(string relativePath) => Match(_protected, relativePath, "writing", "protected");

    /// <summary>May the operator read <paramref name="relativePath"/>?</summary>
    public PolicyDecision Read(string relativePath) => Match(_readDeny, relativePath, "reading", "read-denied");

    /// <summary>May the operator run <paramref name="command"/>? (A deny rule matches as a fragment of the normalised command.)</summary>
    public PolicyDecision Command(string command)
    {
        var normal = CommandNormalizer.Normalize(command);
        foreach (var rule in _commandDeny)
        {
            if (normal.Contains(CommandNormalizer.Normalize(rule.Text), StringComparison.Ordinal)) return new PolicyDecision("deny", $"the command matches the denied '{rule.Text}' ({rule.Source})", rule);
        }
        return new PolicyDecision("allow", "allowed");
    }

    private static (PolicyRule Rule, McpRule Mcp)[] Mcp(IReadOnlyList<PolicyRule> rules, string section) =>
        rules.Where(r => r.Section == section).Select(r => (r, McpRule.Parse(r.Text))).ToArray();

    private static PolicyDecision Match((PolicyRule Rule, PathGlob Glob)[] globs, string path, string verb, string what)
    {
        foreach (var (rule, glob) in globs)
        {
            if (glob.IsMatch(path)) return new PolicyDecision("deny", $"{verb} {path} is not allowed: it is {what} by '{rule.Text}' ({rule.Source})", rule);
        }
        return new PolicyDecision("allow", "allowed");
    }

    private static bool HttpMatches(PolicyRule rule, EgressRequest request)
    {
        if (rule.Methods is { Count: > 0 } methods && (request.Method is null || !methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))) return false;
        if (rule.PathPrefix is { } prefix)
        {
            // Decode and resolve dot segments first, so /api/../admin is judged as /admin.
            var path = NormalisePath(request.Path ?? "/");
            if (!(path == prefix || path.StartsWith(prefix.EndsWith('/') ? prefix : prefix + "/", StringComparison.Ordinal))) return false;
        }
        return true;
    }

    private static string NormalisePath(string path)
    {
        var decoded = WebUtility.UrlDecode(path);
        var parts = new List<string>();
        foreach (var seg in decoded.Split('/'))
        {
            if (seg is "" or ".") continue;
            if (seg == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(seg);
        }
        return "/" + string.Join('/', parts);
    }
}
