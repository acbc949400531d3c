namespace Smooth.Policy;

/// <summary>
/// One run's policy, kept compiled: the project's layers plus the run's own <c>--allow-host</c> rules, rebuilt only when
/// the layers reload (not on every request the egress proxy asks about).
/// </summary>
public sealed class RunPolicy(PolicyLayers layers, IReadOnlyList<string> runAllowHosts)
{
    // A reference, so concurrent readers see a whole pair or the previous one, never a torn mix.
    private Tuple<PolicySet, PolicySet>? _cache;

    /// <summary>The policy in force for the run now.</summary>
    public PolicySet Current
    {
        get
        {
            var current = layers.Current;
            if (runAllowHosts.Count == 0) return current;
            var cache = Volatile.Read(ref _cache);
            if (cache is not null && ReferenceEquals(cache.Item1, current)) return cache.Item2;
            var run = PolicyLayers.Extend(current, runAllowHosts);
            Volatile.Write(ref _cache, Tuple.Create(current, run));
            return run;
        }
    }
}
