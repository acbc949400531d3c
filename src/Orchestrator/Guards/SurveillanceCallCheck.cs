using System.Security.Cryptography;
using System.Text;
using Smooth.Operator.Hooks;
using Smooth.Operator.Host;
using Smooth.Policy;
using Smooth.Policy.Access;
using Smooth.Surveillance;

namespace Smooth.Orchestrator.Guards;

/// <summary>
/// Narc's pre-hook: the command guard, the write guard and secrets in written content, with the judge for gray cases.
/// A call Narc escalates (the judge is unsure, timed out or answered nonsense) becomes an access request for a person,
/// held like any other, so approving it lets this exact call through.
/// </summary>
public sealed class SurveillanceCallCheck(SurveillanceEngine engine, AccessNegotiator? access = null) : IToolCallCheck
{
    private const int SummaryLength = 160;

    /// <inheritdoc />
    public async ValueTask<GuardDecision> CheckAsync(OperatorSession session, ToolInvocation call, CancellationToken ct)
    {
        var verdict = await engine.CheckToolCallAsync(call.Name, call.ArgumentsJson, ct);
        if (verdict.Allowed) return GuardDecision.Allow;
        var rule = verdict.Findings.FirstOrDefault()?.RuleId;
        if (verdict.Decision != VerdictDecision.Escalate) return new GuardDecision(false, verdict.Reason, rule, "surveillance");
        if (access is null) return new GuardDecision(false, $"{verdict.Reason} (escalated for a person to decide)", rule, "surveillance");
        var asked = await access.AskAsync(session.RunId, "surveillance", Resource(call), new PolicyDecision("ask", verdict.Reason), null,
            () => new PolicyDecision("ask", verdict.Reason), ct);
        return asked.Allowed ? GuardDecision.Allow : new GuardDecision(false, asked.Reason, rule, "surveillance");
    }

    /// <summary>
    /// What the person approves: the tool, a digest of the exact arguments (so a grant covers this call and no other) and
    /// the start of the arguments with secrets redacted.
    /// </summary>
    private string Resource(ToolInvocation call)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(call.Name + "\n" + call.ArgumentsJson)))[..12];
        var shown = engine.ScanText(call.ArgumentsJson).RedactedText.ReplaceLineEndings(" ");
        if (shown.Length > SummaryLength) shown = shown[..SummaryLength] + "…";
        return $"{call.Name}#{digest} {shown}";
    }
}
