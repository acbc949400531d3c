using Smooth.Core.Events;

namespace Smooth.Policy.Access;

/// <summary>
/// Turns an <c>ask</c> into an answer for one run: a grant already given (once or for the run), an <c>auto_approve</c>
/// rule, or a pending access request held up to <paramref name="hold"/> so a quick approval lets the very same call
/// through. Whatever is not granted in time fails closed, and the request stays pending for a person.
/// </summary>
public sealed class AccessNegotiator(AccessRequestStore store, IEventSink events, TimeSpan hold)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Asks for <paramref name="resource"/> of <paramref name="kind"/> after the policy answered <paramref name="denied"/>.
    /// <paramref name="autoApprove"/> is the policy's auto-approve rule for it, if any; <paramref name="recheck"/> asks the
    /// (reloaded) policy again after a project or user grant was written to a policy file.
    /// </summary>
    public async Task<PolicyDecision> AskAsync(string runId, string kind, string resource, PolicyDecision denied, PolicyRule? autoApprove,
        Func<PolicyDecision> recheck, CancellationToken ct)
    {
        var granted = new PolicyDecision("allow", $"granted by a person for this run ({resource})", new PolicyRule(AccessRequestStore.AllowSection(kind) ?? kind, resource, "access request"));
        if (await store.TryConsumeGrantAsync(runId, kind, resource, ct)) return granted;
        if (autoApprove is not null)
        {
            var reason = $"auto-approved by rule '{autoApprove.Text}' ({autoApprove.Source})";
            var recorded = await store.RecordAutoApprovedAsync(runId, kind, resource, reason, ct);
            Emit("access.auto_approved", runId, recorded.Id, kind, resource, reason);
            return new PolicyDecision("allow", reason, autoApprove);
        }
        var filed = await store.FileAsync(runId, kind, resource, denied.Reason, ct);
        Emit("access.requested", runId, filed.Id, kind, resource, denied.Reason);
        var deadline = DateTime.UtcNow + hold;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(Poll, ct);
            var now = await store.GetAsync(filed.Id, ct);
            if (now?.Status == "denied") return new PolicyDecision("deny", $"access request {filed.Id} for {resource} was denied by a person");
            if (now?.Status != "approved") continue;
            if (now.Scope is "project" or "user")
            {
                var again = recheck();
                if (again.Allowed) return again;
            }
            if (await store.TryConsumeGrantAsync(runId, kind, resource, ct)) return granted;
        }
        return denied with
        {
            Reason = $"{denied.Reason}; access request {filed.Id} is pending: a person can grant it with 'th access approve {filed.Id} --scope once|run{(AccessRequestStore.AllowSection(kind) is null ? "" : "|project|user")}'",
        };
    }

    private void Emit(string type, string runId, string id, string kind, string resource, string reason) =>
        events.Emit(SmoothEvent.Create(type, "policy", new Dictionary<string, string>
        {
            ["run"] = runId, ["id"] = id, ["kind"] = kind, ["resource"] = resource, ["reason"] = reason,
        }));
}
