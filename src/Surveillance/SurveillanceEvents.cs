using Smooth.Core.Events;

namespace Smooth.Surveillance;

/// <summary>The event types Narc emits (source <c>surveillance</c>). Attributes carry rule ids, spans and redacted previews, never a secret.</summary>
public static class SurveillanceEvents
{
    /// <summary>The event source.</summary>
    public const string Source = "surveillance";
    /// <summary>A tool call was refused, or a tool result withheld.</summary>
    public const string Blocked = "surveillance.blocked";
    /// <summary>Secrets or injection markers were replaced in a tool result.</summary>
    public const string Redacted = "surveillance.redacted";
    /// <summary>An alert-only rule matched.</summary>
    public const string Alert = "surveillance.alert";
    /// <summary>The judge decided a gray-area case.</summary>
    public const string Judged = "surveillance.judged";
    /// <summary>A case went to a person.</summary>
    public const string Escalated = "surveillance.escalated";
    /// <summary>A backtracking rule ran out of time on some input (the rule is skipped for that window).</summary>
    public const string RuleTimeout = "surveillance.rule_timeout";
    /// <summary>Rule files were reloaded.</summary>
    public const string RulesReloaded = "surveillance.rules_reloaded";
    /// <summary>A changed rule file is invalid; the previous rules stay in force.</summary>
    public const string RulesInvalid = "surveillance.rules_invalid";

    internal static SmoothEvent ForFindings(string type, string toolName, string subject, IReadOnlyList<Finding> findings, string? reason = null)
    {
        var attrs = new Dictionary<string, string>
        {
            ["tool"] = toolName,
            ["subject"] = subject,
            ["rules"] = string.Join(",", findings.Select(f => f.RuleId).Distinct()),
            ["count"] = findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (findings.Count > 0)
        {
            var top = findings.OrderByDescending(f => f.Severity).First();
            attrs["severity"] = top.Severity.ToString().ToLowerInvariant();
            attrs["category"] = top.Category.ToString().ToLowerInvariant();
            attrs["span"] = top.Span.ToString();
            attrs["preview"] = top.Preview;
        }
        if (reason is not null) attrs["reason"] = reason;
        return SmoothEvent.Create(type, Source, attrs);
    }
}
