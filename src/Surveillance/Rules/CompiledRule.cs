using System.Text.RegularExpressions;

namespace Smooth.Surveillance.Rules;

/// <summary>A validated rule with its regexes compiled, ready to scan with.</summary>
public sealed class CompiledRule
{
    internal CompiledRule(RuleSpec spec, Regex pattern, Regex[] allow, Regex? decoded)
    {
        Spec = spec;
        Pattern = pattern;
        Allow = allow;
        Decoded = decoded;
        SecretGroup = pattern.GroupNumberFromName("secret");
        Triggers = spec.TriggerChars is { Length: > 0 } t ? System.Buffers.SearchValues.Create(t) : null;
    }

    /// <summary>The effective spec (after overrides).</summary>
    public RuleSpec Spec { get; }
    /// <summary>The id.</summary>
    public string Id => Spec.Id;
    /// <summary>The category.</summary>
    public RuleCategory Category => Spec.Category!.Value;
    /// <summary>The severity.</summary>
    public Severity Severity => Spec.Severity!.Value;
    /// <summary>The action.</summary>
    public RuleAction Action => Spec.Action!.Value;
    /// <summary>What it detects.</summary>
    public string Description => Spec.Description ?? Spec.Id;
    /// <summary>The keywords (empty: always runs).</summary>
    public IReadOnlyList<string> Keywords => Spec.Keywords ?? [];
    /// <summary>Where the rule came from: <c>builtin</c> or a file path (with overrides named).</summary>
    public string Source => Spec.Source;
    /// <summary>True when it runs on the backtracking engine with a timeout.</summary>
    public bool UsesBacktracking => (Pattern.Options & RegexOptions.NonBacktracking) == 0;

    internal Regex Pattern { get; }
    internal Regex[] Allow { get; }
    internal Regex? Decoded { get; }
    internal int SecretGroup { get; }
    internal System.Buffers.SearchValues<char>? Triggers { get; }
}
