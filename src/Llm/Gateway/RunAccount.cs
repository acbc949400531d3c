using Smooth.Llm.Clients;

namespace Smooth.Llm.Gateway;

/// <summary>One run's standing at the gateway: its budget, what it may call, and what it has used.</summary>
public sealed class RunAccount
{
    private readonly Lock _gate = new();
    private long _input;
    private long _output;
    private decimal _cost;
    private int _requests;

    /// <summary>Creates an account.</summary>
    public RunAccount(string runId, decimal? budgetUsd, IReadOnlyCollection<string> allowedModels)
    {
        RunId = runId;
        BudgetUsd = budgetUsd;
        AllowedModels = allowedModels;
    }

    /// <summary>The run id.</summary>
    public string RunId { get; }

    /// <summary>The most the run may spend, in US dollars; null for no limit.</summary>
    public decimal? BudgetUsd { get; }

    /// <summary>Explicit <c>provider/model</c> names the run may use besides slots (<c>*</c> allows any).</summary>
    public IReadOnlyCollection<string> AllowedModels { get; }

    /// <summary>A snapshot of the usage so far.</summary>
    public RunUsage Usage
    {
        get { lock (_gate) return new RunUsage(RunId, _requests, _input, _output, _cost, BudgetUsd); }
    }

    /// <summary>True when the spend has reached the budget.</summary>
    public bool IsOverBudget
    {
        get { lock (_gate) return BudgetUsd is { } b && _cost >= b; }
    }

    /// <summary>True when an explicit model may be used.</summary>
    public bool MayUse(string providerModel) => AllowedModels.Contains("*") || AllowedModels.Contains(providerModel);

    /// <summary>Adds one call's usage and cost.</summary>
    public void Record(ChatUsage usage, decimal cost)
    {
        lock (_gate)
        {
            _requests++;
            _input += usage.InputTokens;
            _output += usage.OutputTokens;
            _cost += cost;
        }
    }
}
