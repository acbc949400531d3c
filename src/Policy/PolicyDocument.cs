using Smooth.Surveillance.Guards;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Smooth.Policy;

/// <summary>
/// Reads one policy YAML file into rules with their line numbers. Unknown keys and wrong shapes are errors (a typo must
/// never silently weaken a policy); a deny-only file (the organisation overlay) refuses allow rules.
/// </summary>
public static class PolicyDocument
{
    private static readonly Dictionary<string, string[]> Sections = new(StringComparer.Ordinal)
    {
        ["network"] = ["allow", "deny"],
        ["files"] = ["protected", "read_deny"],
        ["tools"] = ["allow", "deny"],
        ["commands"] = ["deny"],
        ["mcp"] = ["allow", "deny"],
        ["auto_approve"] = ["network", "tools", "mcp"],
    };

    // Sections of single values rather than lists. Each only narrows when layered (smallest depth, create only if all say so).
    private static readonly Dictionary<string, string[]> Scalars = new(StringComparer.Ordinal)
    {
        ["pearls"] = ["depth", "create"],
    };

    /// <summary>The deepest pearl scope a policy may grant: an operator sees its pearl and dependencies this many steps away.</summary>
    public const int MaxPearlDepth = 5;

    /// <summary>Parses <paramref name="yaml"/>; <paramref name="layer"/> and <paramref name="path"/> name the source.</summary>
    public static IReadOnlyList<PolicyRule> Parse(string yaml, string layer, string path, bool denyOnly)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new PolicyFileError($"{path}:{e.Start.Line}: {e.Message}");
        }
        var rules = new List<PolicyRule>();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return rules;
        if (stream.Documents[0].RootNode is not YamlMappingNode root) throw new PolicyFileError($"{path}:1: the policy must be a mapping (network:, files:, tools:, commands:, pearls:, mcp:, auto_approve:)");
        foreach (var (keyNode, value) in root.Children)
        {
            var key = Key(keyNode, path);
            if (value is not YamlMappingNode section) throw new PolicyFileError($"{path}:{value.Start.Line}: '{key}' must be a mapping");
            if (Scalars.TryGetValue(key, out var fields))
            {
                foreach (var (fieldNode, fieldValue) in section.Children) rules.Add(ScalarRule(key, fields, fieldNode, fieldValue, layer, path));
                continue;
            }
            if (!Sections.TryGetValue(key, out var allowed)) throw new PolicyFileError($"{path}:{keyNode.Start.Line}: unknown section '{key}' (sections: network, files, tools, commands, pearls, mcp, auto_approve)");
            if (denyOnly && key == "auto_approve") throw new PolicyFileError($"{path}:{keyNode.Start.Line}: 'auto_approve' is not allowed here: the organisation policy may only deny");
            foreach (var (subNode, list) in section.Children)
            {
                var sub = Key(subNode, path);
                if (!allowed.Contains(sub)) throw new PolicyFileError($"{path}:{subNode.Start.Line}: unknown key '{key}.{sub}' (allowed: {string.Join(", ", allowed)})");
                var name = $"{key}.{sub}";
                if (denyOnly && sub == "allow") throw new PolicyFileError($"{path}:{subNode.Start.Line}: '{name}' is not allowed here: the organisation policy may only deny");
                if (list is not YamlSequenceNode items) throw new PolicyFileError($"{path}:{list.Start.Line}: '{name}' must be a list");
                foreach (var item in items) rules.Add(Rule(name, item, $"{layer} {path}:{item.Start.Line}", path));
            }
        }
        return rules;
    }

    private static PolicyRule ScalarRule(string key, string[] fields, YamlNode fieldNode, YamlNode value, string layer, string path)
    {
        var field = Key(fieldNode, path);
        if (!fields.Contains(field)) throw new PolicyFileError($"{path}:{fieldNode.Start.Line}: unknown key '{key}.{field}' (allowed: {string.Join(", ", fields)})");
        var text = Scalar(value, path);
        var line = value.Start.Line;
        switch (field)
        {
            case "depth" when !int.TryParse(text, out var depth) || depth < 0 || depth > MaxPearlDepth:
                throw new PolicyFileError($"{path}:{line}: 'pearls.depth' must be a whole number 0..{MaxPearlDepth} (got '{text}')");
            case "create" when text is not ("true" or "false"):
                throw new PolicyFileError($"{path}:{line}: 'pearls.create' must be true or false (got '{text}')");
        }
        return new PolicyRule($"{key}.{field}", text, $"{layer} {path}:{line}");
    }

    private static PolicyRule Rule(string section, YamlNode item, string source, string path)
    {
        if (section.StartsWith("network.", StringComparison.Ordinal) || section == "auto_approve.network")
        {
            string? host = null, pathPrefix = null;
            List<string>? methods = null;
            if (item is YamlScalarNode s) host = s.Value;
            else if (item is YamlMappingNode m)
            {
                foreach (var (k, v) in m.Children)
                {
                    switch (Key(k, path))
                    {
                        case "host": host = Scalar(v, path); break;
                        case "path": pathPrefix = Scalar(v, path); break;
                        case "methods":
                            if (v is not YamlSequenceNode seq) throw new PolicyFileError($"{path}:{v.Start.Line}: 'methods' must be a list such as [GET, HEAD]");
                            methods = seq.Select(n => Scalar(n, path).ToUpperInvariant()).ToList();
                            break;
                        default: throw new PolicyFileError($"{path}:{k.Start.Line}: unknown key '{Key(k, path)}' in a network rule (host, path, methods)");
                    }
                }
            }
            if (string.IsNullOrWhiteSpace(host)) throw new PolicyFileError($"{path}:{item.Start.Line}: a network rule needs a host");
            try
            {
                Smooth.Egress.HostRule.Parse(host);
            }
            catch (FormatException e)
            {
                throw new PolicyFileError($"{path}:{item.Start.Line}: {e.Message}");
            }
            if (pathPrefix is not null && !pathPrefix.StartsWith('/')) throw new PolicyFileError($"{path}:{item.Start.Line}: a path prefix starts with '/'");
            if (section == "auto_approve.network" && (pathPrefix is not null || methods is not null))
            {
                throw new PolicyFileError($"{path}:{item.Start.Line}: an auto-approve rule names a host[:port] only");
            }
            return new PolicyRule(section, host, source, methods, pathPrefix);
        }
        var text = Scalar(item, path);
        if (text.Length == 0) throw new PolicyFileError($"{path}:{item.Start.Line}: an empty rule");
        if (section is "mcp.allow" or "mcp.deny" or "auto_approve.mcp")
        {
            try
            {
                McpRule.Parse(text);
            }
            catch (FormatException e)
            {
                throw new PolicyFileError($"{path}:{item.Start.Line}: {e.Message}");
            }
        }
        if (section.StartsWith("files.", StringComparison.Ordinal))
        {
            try
            {
                PathGlob.Parse(text);
            }
            catch (ArgumentException e)
            {
                throw new PolicyFileError($"{path}:{item.Start.Line}: {e.Message}");
            }
        }
        return new PolicyRule(section, text, source);
    }

    private static string Key(YamlNode node, string path) =>
        node is YamlScalarNode { Value: { } v } ? v : throw new PolicyFileError($"{path}:{node.Start.Line}: keys must be plain names");

    private static string Scalar(YamlNode node, string path) =>
        node is YamlScalarNode { Value: { } v } ? v.Trim() : throw new PolicyFileError($"{path}:{node.Start.Line}: expected a plain value");
}
