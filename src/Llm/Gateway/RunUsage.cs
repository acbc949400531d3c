using System.Text.Json.Serialization;

namespace Smooth.Llm.Gateway;

/// <summary>What a run has used at the gateway.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Requests">Completed model calls.</param>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="CostUsd">Cost in US dollars.</param>
/// <param name="BudgetUsd">The budget, or null.</param>
public sealed record RunUsage(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("requests")] int Requests,
    [property: JsonPropertyName("input_tokens")] long InputTokens,
    [property: JsonPropertyName("output_tokens")] long OutputTokens,
    [property: JsonPropertyName("cost_usd")] decimal CostUsd,
    [property: JsonPropertyName("budget_usd")] decimal? BudgetUsd);
