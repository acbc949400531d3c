using Smooth.Operator.Hooks;

namespace Smooth.Operator.Host;

/// <summary>
/// The guard as the host runs it for one session: every call check in order (the first refusal wins), then every
/// filter over the result. An empty guard refuses nothing, so the composition root must always add the checks.
/// </summary>
public sealed class HostToolGuard(IReadOnlyList<IToolCallCheck> checks, IReadOnlyList<ITextFilter> filters)
{
    /// <summary>The checks, in order.</summary>
    public IReadOnlyList<IToolCallCheck> Checks { get; } = checks;

    /// <summary>The result filters, in order.</summary>
    public IReadOnlyList<ITextFilter> Filters { get; } = filters;

    /// <summary>Runs the call checks.</summary>
    public async Task<GuardDecision> CheckCallAsync(OperatorSession session, ToolInvocation call, CancellationToken ct)
    {
        foreach (var check in Checks)
        {
            var d = await check.CheckAsync(session, call, ct);
            if (!d.Allowed) return d;
        }
        return GuardDecision.Allow;
    }

    /// <summary>Runs the filters over <paramref name="text"/>.</summary>
    public async Task<GuardedResult> FilterAsync(OperatorSession session, string tool, string text, CancellationToken ct)
    {
        var redactions = new List<string>();
        var alerts = new List<string>();
        foreach (var f in Filters)
        {
            var r = await f.FilterAsync(session, tool, text, ct);
            text = r.Text;
            redactions.AddRange(r.Redactions);
            alerts.AddRange(r.Alerts);
        }
        return new GuardedResult(text, redactions, alerts);
    }
}
