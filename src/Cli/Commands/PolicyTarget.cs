using Smooth.Core;
using Smooth.Pearls.Storage;
using Smooth.Policy;
using Smooth.Policy.Access;

namespace Smooth.Cli.Commands;

/// <summary>What <c>th access policy TARGET</c> adds for one pearl (its operator's pearl scope) or one run (its grants).</summary>
internal static class PolicyTarget
{
    /// <summary>Extra rows for <paramref name="target"/>, in the same shape as policy rules so one table and one JSON list show all.</summary>
    public static async Task<IReadOnlyList<PolicyRule>> RulesAsync(string root, PolicySet policy, string target, CancellationToken ct)
    {
        if (target.StartsWith("run-", StringComparison.Ordinal))
        {
            await using var access = await AccessRequestStore.OpenAsync(root, ct);
            var grants = await access.ListGrantsAsync(target, ct);
            return [.. grants.Select(g => new PolicyRule($"granted.{g.Kind}", g.Resource, $"access request {g.Id} ({g.Scope})"))];
        }
        await using var pearls = await SqlitePearlStore.OpenAsync(SqlitePearlStore.DatabasePathFor(root), ct: ct);
        var pearl = await pearls.GetAsync(target, ct); // an unknown id is a clear not-found error
        var source = policy.PearlDepthRule?.Source ?? "default";
        var closure = await pearls.ClosureAsync(pearl.Id, policy.PearlDepth, ct);
        var rows = new List<PolicyRule> { new("pearls.scope", $"{pearl.Id} (its own): {pearl.Title}", source) };
        rows.AddRange(closure.Where(c => c.Pearl.Id != pearl.Id)
            .Select(c => new PolicyRule("pearls.scope", $"{c.Pearl.Id} ({c.Depth} step{(c.Depth == 1 ? "" : "s")}): {c.Pearl.Title}", $"pearls.depth {policy.PearlDepth} ({source})")));
        rows.Add(new PolicyRule("pearls.create", policy.PearlCreate().Allowed ? "sub-pearls allowed" : "sub-pearls refused", policy.PearlCreateRule?.Source ?? "default"));
        return rows;
    }
}
