namespace Smooth.Governor;

/// <summary>What a test run reported, read from the runner's own output (never from the model's claims).</summary>
/// <param name="Runner">Which format was recognised (dotnet, pytest, cargo, go, jest, vitest, node, plain).</param>
/// <param name="Passed">Tests that passed.</param>
/// <param name="Failed">Tests that failed (errors included).</param>
/// <param name="Skipped">Tests skipped or ignored.</param>
public sealed record TestSummary(string Runner, int Passed, int Failed, int Skipped)
{
    /// <summary>Tests that ran.</summary>
    public int Total => Passed + Failed;
}
