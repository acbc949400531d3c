using System.Net;
using Smooth.Core.Events;
using Smooth.Egress;

namespace Smooth.Policy.Api;

/// <summary>
/// Answers <see cref="DecisionRequest"/>s from the project's layered policy (hot reloaded). Every answer is a
/// <c>policy.decision</c> event. Pearl questions need <paramref name="pearlDistance"/>, which measures how many
/// dependency steps separate two pearls (null when they are not connected).
/// </summary>
public sealed class DecisionService(PolicyLayers layers, IEventSink events, Func<string, string, int, CancellationToken, Task<int?>>? pearlDistance = null)
{
    /// <summary>The kinds of question answered.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["network", "tool", "write", "read", "command", "pearl", "pearl_create", "mcp"];

    /// <summary>The policy in force.</summary>
    public PolicySet Current => layers.Current;

    /// <summary>Answers <paramref name="request"/>; a malformed one is a <see cref="DecisionRequestException"/>.</summary>
    public async Task<DecisionResponse> DecideAsync(DecisionRequest request, CancellationToken ct)
    {
        var policy = layers.Current;
        var (resource, decision) = request.Kind switch
        {
            "network" => Network(policy, request),
            "tool" => (Need(request.Tool, "tool"), policy.Tool(request.Tool!)),
            "write" => (Need(request.Path, "path"), policy.Write(WorkspacePath(request.Path!))),
            "read" => (Need(request.Path, "path"), policy.Read(WorkspacePath(request.Path!))),
            "command" => (Need(request.Command, "command"), policy.Command(request.Command!)),
            "pearl" => (Need(request.Target, "target"), policy.Pearl(await DistanceAsync(policy, request, ct))),
            "pearl_create" => ("sub-pearl", policy.PearlCreate()),
            "mcp" => (request.Tool is null ? Need(request.Server, "server") : $"{Need(request.Server, "server")}/{request.Tool}", policy.Mcp(request.Server!, request.Tool)),
            null => throw new DecisionRequestException("the request has no kind", $"send {{\"kind\": ...}} with one of: {string.Join(", ", Kinds)}"),
            _ => throw new DecisionRequestException($"unknown kind '{request.Kind}'", $"use one of: {string.Join(", ", Kinds)}"),
        };
        events.Emit(SmoothEvent.Create("policy.decision", "policy", new Dictionary<string, string>
        {
            ["run"] = request.Run ?? "", ["kind"] = request.Kind!, ["resource"] = resource, ["verdict"] = decision.Verdict,
            ["reason"] = decision.Reason, ["rule"] = decision.Rule?.Text ?? "", ["via"] = "decision-api",
        }));
        return new DecisionResponse(decision.Verdict, decision.Reason, decision.Rule?.Text, decision.Rule?.Source);
    }

    private static (string, PolicyDecision) Network(PolicySet policy, DecisionRequest r)
    {
        var raw = Need(r.Host, "host").Trim().TrimEnd('.');
        if (raw.StartsWith('[') && raw.EndsWith(']')) raw = raw[1..^1];
        var scheme = (r.Scheme ?? "connect").ToLowerInvariant() switch
        {
            "connect" or "https" => "connect",
            "http" => "http",
            var other => throw new DecisionRequestException($"unknown scheme '{other}'", "use connect (a tunnel, e.g. HTTPS) or http (plain HTTP)"),
        };
        var port = r.Port ?? (scheme == "http" ? 80 : 443);
        if (port is < 1 or > 65535) throw new DecisionRequestException($"port {port} is out of range", "use 1..65535");
        var literal = IPAddress.TryParse(raw, out var address) ? address : null;
        var host = literal?.ToString() ?? raw.ToLowerInvariant();
        if (literal is null && (host.Length == 0 || host.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))))
        {
            throw new DecisionRequestException($"'{r.Host}' is not a host name or IP address", "send the bare host, e.g. api.github.com");
        }
        var request = new EgressRequest(host, port, scheme, scheme == "http" ? (r.Method ?? "GET").ToUpperInvariant() : null, scheme == "http" ? r.Path ?? "/" : null, literal);
        return (request.Authority, policy.Network(request));
    }

    private async Task<int?> DistanceAsync(PolicySet policy, DecisionRequest r, CancellationToken ct)
    {
        var own = Need(r.Pearl, "pearl");
        var target = Need(r.Target, "target");
        if (own == target) return 0;
        if (pearlDistance is null) throw new DecisionRequestException("this decision service has no pearl store", "ask the daemon's decision socket (th up) or th access serve inside the project");
        return await pearlDistance(own, target, policy.PearlDepth, ct);
    }

    // Paths are judged relative to the workspace after resolving '.' and '..', so 'src/../.git/hooks/x' is '.git/hooks/x'.
    private static string WorkspacePath(string path) => Surveillance.Guards.PathNormalizer.Normalize(path, "/workspace", out _);

    private static string Need(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new DecisionRequestException($"'{field}' is missing", $"send the '{field}' field for this kind of question") : value;
}
