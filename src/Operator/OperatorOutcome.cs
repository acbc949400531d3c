namespace Smooth.Operator;

/// <summary>How an operator run ended.</summary>
/// <param name="Stop">completed, green, plateau, iteration_cap, max_iterations, budget, cancelled or model_error.</param>
/// <param name="Summary">The model's last words, or the explanation of the stop.</param>
/// <param name="CostUsd">Total spend.</param>
/// <param name="Failing">Failing tests at the end, when a governor ran and could read them.</param>
public sealed record OperatorOutcome(string Stop, string Summary, decimal CostUsd, int? Failing = null)
{
    /// <summary>True for an ending that produced the work asked for (the model finished, or the tests are green).</summary>
    public bool Succeeded => Stop is "completed" or "green";
}
