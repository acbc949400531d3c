namespace Smooth.Egress.Tests;

/// <summary>
/// A gate that gives every question one answer, counting the answers it has returned. With
/// <see cref="NamingAddress"/> it stands for a policy rule that names the address a name resolves to (the only way the
/// proxy reaches loopback for a name), so a test can reach its loopback upstream by name.
/// </summary>
public sealed class FixedGate(EgressDecision decision) : IEgressGate
{
    private int _answers;

    public static FixedGate NamingAddress(string rule) =>
        new(new EgressDecision(true, $"allowed by rule '{rule}'", rule, NamesAddressExplicitly: true, Askable: false));

    public int Answers => Volatile.Read(ref _answers);

    public ValueTask<EgressDecision> CheckAsync(EgressRequest request, CancellationToken ct)
    {
        Interlocked.Increment(ref _answers);
        return ValueTask.FromResult(decision);
    }
}
