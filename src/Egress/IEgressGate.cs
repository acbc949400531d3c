namespace Smooth.Egress;

/// <summary>
/// The question the proxy asks before forwarding anything: may this request leave the sandbox?
/// The policy engine implements it in production; <see cref="AllowListGate"/> is the built-in allow-list implementation.
/// </summary>
public interface IEgressGate
{
    /// <summary>Decides one request. Must be thread-safe; called once per CONNECT and once per plain HTTP request.</summary>
    ValueTask<EgressDecision> CheckAsync(EgressRequest request, CancellationToken ct);
}
