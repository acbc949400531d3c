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
    }

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
        if (_toolAllow.Count > 0 && !_toolAllow.ContainsKey(tool)) return new PolicyDecision("deny", $"the tool {tool} is not in the allowed list");
        return new PolicyDecision("allow", "allowed");
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
