using System.Globalization;
using Smooth.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Smooth.Surveillance.Rules;

/// <summary>
/// Reads a rule file (YAML, format in docs/surveillance.md) into a <see cref="RuleFile"/>, naming every problem by
/// file and line. Regexes are checked later, by <see cref="RuleCompiler"/>, which also reports file and line.
/// </summary>
public static class RuleFileParser
{
    private static readonly HashSet<string> TopFields = ["version", "rules", "disable", "allowlist"];
    private static readonly HashSet<string> AllowFields = ["values", "paths"];
    private static readonly HashSet<string> RuleFields =
    [
        "id", "category", "severity", "action", "description", "keywords", "regex", "allowlist", "entropy",
        "certain_entropy", "reach", "decode", "decoded_regex", "min_run", "trigger_chars", "sample", "backtracking", "enabled", "heuristic",
        "keywords_at_word_start", "keywords_case_sensitive", "gate", "scorer", "threshold", "corroborated_threshold",
    ];

    /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> names it in errors. Throws <see cref="SmoothException"/> listing every problem.</summary>
    public static RuleFile Parse(string text, string source)
    {
        var errors = new List<string>();
        var file = ParseCore(text, source, errors);
        if (errors.Count > 0)
        {
            throw new SmoothException($"{source} is not a valid rule file:\n  " + string.Join("\n  ", errors),
                "fix the lines named above (the format is in docs/surveillance.md); the previous rules stay in force", ExitCodes.BadInput);
        }
        return file;
    }

    private static RuleFile ParseCore(string text, string source, List<string> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add($"{source}:{e.Start.Line}: {e.Message}");
            return new RuleFile { Source = source };
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new RuleFile { Source = source };
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add($"{source}:{Line(stream.Documents[0].RootNode)}: the file must be a mapping with 'rules', 'disable' or 'allowlist'");
            return new RuleFile { Source = source };
        }

        var rules = new List<RuleSpec>();
        var disable = new List<string>();
        var allowValues = new List<string>();
        var allowPaths = new List<string>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            switch (key)
            {
                case "version":
                    if (value is not YamlScalarNode { Value: "1" })
                    {
                        errors.Add($"{source}:{Line(value)}: version: only version 1 is known");
                    }
                    break;
                case "disable":
                    disable.AddRange(Strings(value, source, "disable", errors));
                    break;
                case "allowlist":
                    if (value is not YamlMappingNode allow)
                    {
                        errors.Add($"{source}:{Line(value)}: allowlist: must be a mapping with 'values' and/or 'paths'");
                        break;
                    }
                    foreach (var (ak, av) in allow.Children)
                    {
                        var name = ((YamlScalarNode)ak).Value ?? "";
                        if (name == "values") allowValues.AddRange(Strings(av, source, "allowlist.values", errors));
                        else if (name == "paths") allowPaths.AddRange(Strings(av, source, "allowlist.paths", errors));
                        else errors.Add($"{source}:{Line(ak)}: allowlist.{name}: unknown field (known: {string.Join(", ", AllowFields)})");
                    }
                    break;
                case "rules":
                    if (value is not YamlSequenceNode list)
                    {
                        errors.Add($"{source}:{Line(value)}: rules: must be a list of rules");
                        break;
                    }
                    foreach (var item in list.Children)
                    {
                        if (ParseRule(item, source, errors) is { } rule) rules.Add(rule);
                    }
                    break;
                default:
                    errors.Add($"{source}:{Line(keyNode)}: '{key}': unknown field (known: {string.Join(", ", TopFields)})");
                    break;
            }
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (seen.TryGetValue(rule.Id, out var first))
            {
                errors.Add($"{source}:{rule.Line}: rule '{rule.Id}' is defined twice (first at line {first})");
            }
            else
            {
                seen[rule.Id] = rule.Line;
            }
        }
        return new RuleFile { Source = source, Rules = rules, Disable = disable, AllowValues = allowValues, AllowPaths = allowPaths };
    }

    private static RuleSpec? ParseRule(YamlNode node, string source, List<string> errors)
    {
        var line = Line(node);
        if (node is not YamlMappingNode map)
        {
            errors.Add($"{source}:{line}: a rule must be a mapping (id, category, regex, ...)");
            return null;
        }
        string? Scalar(string name)
        {
            var v = Get(map, name);
            if (v is null) return null;
            if (v is YamlScalarNode s) return s.Value;
            errors.Add($"{source}:{Line(v)}: {name}: must be a single value");
            return null;
        }
        foreach (var (k, _) in map.Children)
        {
            var name = ((YamlScalarNode)k).Value ?? "";
            if (!RuleFields.Contains(name))
            {
                errors.Add($"{source}:{Line(k)}: '{name}': unknown rule field (known: {string.Join(", ", RuleFields)})");
            }
        }
        var id = Scalar("id");
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add($"{source}:{line}: rule has no 'id'");
            return null;
        }
        if (!IsValidId(id))
        {
            errors.Add($"{source}:{line}: id '{id}': use lowercase letters, digits and dashes (e.g. my-token)");
        }
        var at = $"{source}:{line}: rule '{id}'";
        var spec = new RuleSpec
        {
            Id = id,
            Category = Enum<RuleCategory>(Scalar("category"), at, "category", errors),
            Severity = Enum<Severity>(Scalar("severity"), at, "severity", errors),
            Action = Enum<RuleAction>(Scalar("action"), at, "action", errors),
            Description = Scalar("description"),
            Keywords = Get(map, "keywords") is { } kw ? Strings(kw, source, $"rule '{id}' keywords", errors) : null,
            KeywordsAtWordStart = Bool(Scalar("keywords_at_word_start"), at, "keywords_at_word_start", errors),
            KeywordsCaseSensitive = Bool(Scalar("keywords_case_sensitive"), at, "keywords_case_sensitive", errors),
            Gate = Scalar("gate"),
            Regex = Scalar("regex"),
            Allowlist = Get(map, "allowlist") is { } al ? Strings(al, source, $"rule '{id}' allowlist", errors) : null,
            Entropy = Number(Scalar("entropy"), at, "entropy", 0, 8, errors),
            CertainEntropy = Number(Scalar("certain_entropy"), at, "certain_entropy", 0, 8, errors),
            Reach = (int?)Number(Scalar("reach"), at, "reach", 1, 65536, errors),
            Decode = Scalar("decode"),
            MinRun = (int?)Number(Scalar("min_run"), at, "min_run", 4, 100_000, errors),
            TriggerChars = Unescape(Scalar("trigger_chars"), at, errors),
            DecodedRegex = Scalar("decoded_regex"),
            Sample = Scalar("sample"),
            Backtracking = Bool(Scalar("backtracking"), at, "backtracking", errors),
            Enabled = Bool(Scalar("enabled"), at, "enabled", errors),
            Heuristic = Scalar("heuristic"),
            Scorer = Scalar("scorer"),
            Threshold = Number(Scalar("threshold"), at, "threshold", 0, 1, errors),
            CorroboratedThreshold = Number(Scalar("corroborated_threshold"), at, "corroborated_threshold", 0, 1, errors),
            Source = source,
            Line = line,
        };
        if (spec.Heuristic is not (null or "injection"))
        {
            errors.Add($"{at}: heuristic: '{spec.Heuristic}' is not known (known: injection)");
        }
        if (spec.Scorer is { } scorer && !Scoring.ScorerCatalog.IsKnown(scorer))
        {
            errors.Add($"{at}: scorer: '{scorer}' is not known (known: {string.Join(", ", Scoring.ScorerCatalog.Names)})");
        }
        if (spec.Threshold is 0 or 1)
        {
            errors.Add($"{at}: threshold: must be above 0 and below 1 (a probability; 0 would flag everything, 1 nothing)");
        }
        if (spec.CorroboratedThreshold is 0 or 1)
        {
            errors.Add($"{at}: corroborated_threshold: must be above 0 and below 1 (a probability)");
        }
        if (spec.Decode is not (null or "base64"))
        {
            errors.Add($"{at}: decode: '{spec.Decode}' is not known (known: base64)");
        }
        if (spec.Decode is null && spec.DecodedRegex is not null)
        {
            errors.Add($"{at}: 'decoded_regex' needs 'decode'");
        }
        if (spec.MinRun is not null && spec.Decode is null)
        {
            errors.Add($"{at}: min_run needs decode: base64");
        }
        if (spec.Gate is { } gate && !IsValidId(gate))
        {
            errors.Add($"{at}: gate '{gate}': use lowercase letters, digits and dashes");
        }
        if (spec.TriggerChars is { Length: 0 })
        {
            errors.Add($"{at}: trigger_chars is empty");
        }
        if (spec.Keywords is { } words && words.Any(w => w.Length < 2))
        {
            errors.Add($"{at}: keywords: each keyword needs at least 2 characters (a shorter one would match almost everything)");
        }
        return spec;
    }

    // trigger_chars holds invisible code points, so \uXXXX escapes are understood even in single-quoted YAML.
    private static string? Unescape(string? value, string at, List<string> errors)
    {
        if (value is null) return null;
        try
        {
            return System.Text.RegularExpressions.Regex.Unescape(value);
        }
        catch (ArgumentException e)
        {
            errors.Add($"{at}: trigger_chars: {e.Message}");
            return null;
        }
    }

    internal static bool IsValidId(string id) =>
        id.Length is > 0 and <= 80 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && id[0] != '-';

    private static YamlNode? Get(YamlMappingNode map, string name) =>
        map.Children.TryGetValue(new YamlScalarNode(name), out var v) ? v : null;

    private static List<string> Strings(YamlNode node, string source, string field, List<string> errors)
    {
        var result = new List<string>();
        if (node is YamlSequenceNode seq)
        {
            foreach (var item in seq.Children)
            {
                if (item is YamlScalarNode { Value: { } v }) result.Add(v);
                else errors.Add($"{source}:{Line(item)}: {field}: each entry must be a single string");
            }
        }
        else if (node is YamlScalarNode { Value: { } single })
        {
            result.Add(single);
        }
        else
        {
            errors.Add($"{source}:{Line(node)}: {field}: must be a list of strings");
        }
        return result;
    }

    private static T? Enum<T>(string? value, string at, string field, List<string> errors) where T : struct, System.Enum
    {
        if (value is null) return null;
        if (System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _)) return parsed;
        errors.Add($"{at}: {field}: '{value}' is not one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
        return null;
    }

    private static double? Number(string? value, string at, string field, double min, double max, List<string> errors)
    {
        if (value is null) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= min && d <= max) return d;
        errors.Add($"{at}: {field}: '{value}' must be a number from {min} to {max}");
        return null;
    }

    private static bool? Bool(string? value, string at, string field, List<string> errors)
    {
        if (value is null) return null;
        if (value is "true" or "True") return true;
        if (value is "false" or "False") return false;
        errors.Add($"{at}: {field}: '{value}' must be true or false");
        return null;
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
