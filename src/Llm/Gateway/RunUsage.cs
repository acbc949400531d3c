namespace Smooth.Llm.Gateway;

/// <summary>What a run has used at the gateway.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Requests">Completed model calls.</param>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="CostUsd">Cost in US dollars.</param>
/// <param name="BudgetUsd">The budget, or null.</param>
public sealed record RunUsage(string RunId, int Requests, long InputTokens, long OutputTokens, decimal CostUsd, decimal? BudgetUsd);
