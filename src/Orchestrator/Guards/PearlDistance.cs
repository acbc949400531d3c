using Smooth.Core;
using Smooth.Pearls;
using Smooth.Policy;
using Smooth.Policy.Api;

namespace Smooth.Orchestrator.Guards;

/// <summary>Measures pearl scope questions for the decision API from the pearl store.</summary>
public static class PearlDistance
{
    /// <summary>
    /// How many dependency steps separate two pearls in <paramref name="pearls"/>, looking a little past the policy's depth
    /// so the answer can say how far outside the scope a pearl is; null when not connected within that reach.
    /// </summary>
    public static Func<string, string, int, CancellationToken, Task<int?>> From(IPearlStore pearls) => async (own, target, depth, ct) =>
    {
        IReadOnlyList<Pearls.Model.ClosureEntry> closure;
        try
        {
            closure = await pearls.ClosureAsync(own, Math.Min(depth + 1, PolicyDocument.MaxPearlDepth + 1), ct);
        }
        catch (SmoothException e) when (e.ExitCode == ExitCodes.NotFound)
        {
            throw new DecisionRequestException($"no pearl '{own}'", "send the operator's own pearl id in 'pearl'");
        }
        return closure.FirstOrDefault(c => c.Pearl.Id == target)?.Depth;
    };
}
