using System.Text.Json;
using Smooth.Core.Events;
using Smooth.Operator.Hooks;
using Smooth.Operator.Host;
using Smooth.Operator.Tools.Files;
using Smooth.Policy;
using Smooth.Policy.Access;
using Smooth.Surveillance.Guards;

namespace Smooth.Orchestrator.Guards;

/// <summary>
/// Wonk's pre-hook: the tool lists, protected write paths (also inside the workspace), read-denied files and denied
/// commands of the effective policy. Every decision that is not a plain allow is an event.
/// </summary>
public sealed class PolicyCallCheck(PolicyLayers layers, IEventSink events, AccessNegotiator? access = null) : IToolCallCheck
{
    private static readonly HashSet<string> WriteTools = new(StringComparer.Ordinal) { "write_file", "edit_file" };

    /// <inheritdoc />
    public async ValueTask<GuardDecision> CheckAsync(OperatorSession session, ToolInvocation call, CancellationToken ct)
    {
        var policy = layers.Current;
        var decision = policy.Tool(call.Name);
        if (decision.Verdict == "ask" && access is not null)
        {
            // A tool left out of the allowed list is a door a person may open: file a request and hold the call.
            decision = await access.AskAsync(session.RunId, "tool", call.Name, decision, policy.AutoApprove("tool", call.Name), () =>
            {
                layers.ReloadIfChanged();
                return layers.Current.Tool(call.Name);
            }, ct);
            if (decision.Allowed) Emit(session, call, decision);
        }
        if (decision.Allowed) decision = Arguments(policy, session.Spec.Workspace, call);
        if (decision.Allowed) return GuardDecision.Allow;
        Emit(session, call, decision);
        return new GuardDecision(false, decision.Reason, decision.Rule?.Text, "policy");
    }

    private void Emit(OperatorSession session, ToolInvocation call, PolicyDecision decision) =>
        events.Emit(SmoothEvent.Create("policy.decision", "policy", new Dictionary<string, string>
        {
            ["run"] = session.RunId, ["kind"] = "tool", ["resource"] = call.Name, ["verdict"] = decision.Verdict,
            ["reason"] = decision.Reason, ["rule"] = decision.Rule?.Text ?? "",
        }));

    private static PolicyDecision Arguments(PolicySet policy, string workspace, ToolInvocation call)
    {
        JsonElement args;
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(call.ArgumentsJson) ? "{}" : call.ArgumentsJson);
            args = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return new PolicyDecision("allow", "malformed arguments are refused by the tool itself");
        }
        if (args.ValueKind != JsonValueKind.Object) return new PolicyDecision("allow", "not an object");
        string? Str(string name) => args.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (WriteTools.Contains(call.Name) && Str("path") is { } w) return policy.Write(Relative(w, workspace));
        if (call.Name == "apply_patch" && Str("patch") is { } patch)
        {
            foreach (var p in PatchPaths.Extract(patch))
            {
                var d = policy.Write(Relative(p, workspace));
                if (!d.Allowed) return d;
            }
        }
        if (call.Name == "read_file" && Str("path") is { } r) return policy.Read(Relative(r, workspace));
        if (call.Name == "bash" && Str("command") is { } c) return policy.Command(c);
        if (call.Name == "bg_run" && Str("command") is { } b) return policy.Command(b);
        return new PolicyDecision("allow", "allowed");
    }

    private static string Relative(string path, string workspace) => PathNormalizer.Normalize(path, workspace, out _);
}
