using Smooth.Operator.Hooks;
using Smooth.Operator.Host;
using Smooth.Surveillance;

namespace Smooth.Orchestrator.Guards;

/// <summary>
/// Narc's post-hook: secrets in a tool result are redacted before the model reads it; a result that carries a prompt
/// injection Narc blocks is withheld. Event texts on their way to the audit log get the same redaction (no events).
/// </summary>
public sealed class SurveillanceResultFilter(SurveillanceEngine engine) : ITextFilter
{
    /// <inheritdoc />
    public async ValueTask<GuardedResult> FilterAsync(OperatorSession session, string tool, string text, CancellationToken ct)
    {
        if (tool == "event")
        {
            var quiet = engine.ScanText(text);
            return new GuardedResult(quiet.RedactedText, RuleIds(quiet, RuleCategory.Secret), []);
        }
        var scan = await engine.ScanToolResultAsync(tool, text, ct);
        var redacted = scan.RedactionCount > 0 ? RuleIds(scan, RuleCategory.Secret) : [];
        var alerts = RuleIds(scan, RuleCategory.Injection);
        if (!scan.Verdict.Allowed)
        {
            return new GuardedResult($"[the result of {tool} was withheld by surveillance: {scan.Verdict.Reason}]", [.. redacted, .. alerts], alerts);
        }
        return new GuardedResult(scan.RedactedText, redacted, alerts);
    }

    private static IReadOnlyList<string> RuleIds(ScanResult scan, RuleCategory category) =>
        scan.Findings.Where(f => f.Category == category).Select(f => f.RuleId).Distinct(StringComparer.Ordinal).ToList();
}
