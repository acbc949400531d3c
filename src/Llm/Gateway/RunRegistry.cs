using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Smooth.Llm.Gateway;

/// <summary>
/// The runs the gateway serves. The host issues each run a bearer token; the gateway finds the run from the token
/// (stored hashed, compared by hash), so a run can only spend its own budget.
/// </summary>
public sealed class RunRegistry
{
    private readonly ConcurrentDictionary<string, RunAccount> _byTokenHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RunAccount> _byRun = new(StringComparer.Ordinal);

    /// <summary>Registers a run and returns its token (give it to the operator; it is not a provider key).</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="budgetUsd">The run's budget in US dollars, or null.</param>
    /// <param name="allowedModels">Explicit <c>provider/model</c> names allowed besides slots.</param>
    public string Issue(string runId, decimal? budgetUsd = null, IReadOnlyCollection<string>? allowedModels = null)
    {
        var token = "smr_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var account = new RunAccount(runId, budgetUsd, allowedModels ?? []);
        _byRun[runId] = account;
        _byTokenHash[Hash(token)] = account;
        return token;
    }

    /// <summary>The run holding <paramref name="token"/>, or null.</summary>
    public RunAccount? Find(string token) => _byTokenHash.GetValueOrDefault(Hash(token));

    /// <summary>The usage of <paramref name="runId"/>, or null when unknown.</summary>
    public RunUsage? Usage(string runId) => _byRun.GetValueOrDefault(runId)?.Usage;

    /// <summary>Stops accepting the run's token.</summary>
    public void Revoke(string runId)
    {
        if (_byRun.TryRemove(runId, out var account))
        {
            foreach (var (hash, a) in _byTokenHash)
            {
                if (ReferenceEquals(a, account)) _byTokenHash.TryRemove(hash, out _);
            }
        }
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
