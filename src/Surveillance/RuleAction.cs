namespace Smooth.Surveillance;

/// <summary>What happens when a rule matches.</summary>
public enum RuleAction
{
    /// <summary>Stop the tool call (or withhold the tool result) and tell the model why.</summary>
    Block,
    /// <summary>Replace the match with <c>[REDACTED:&lt;rule-id&gt;]</c> before the model sees it.</summary>
    Redact,
    /// <summary>Let it through and raise an alert event.</summary>
    Alert,
    /// <summary>Uncertain: ask the judge (approve, deny or escalate to a person).</summary>
    Judge,
}
