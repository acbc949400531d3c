namespace Smooth.Governor;

/// <summary>When the governor stops iterating.</summary>
public sealed record GovernorOptions
{
    /// <summary>Most coding turns (default 5).</summary>
    public int MaxIterations { get; init; } = 5;

    /// <summary>"Close to green": at or below this many failures, a turn without improvement stops the loop.</summary>
    public int PlateauFailures { get; init; } = 3;

    /// <summary>Spending cap in USD; the loop stops when the next turn's expected cost would exceed it. Null for none.</summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>How much of the test output's tail is fed back to the next turn.</summary>
    public int FeedbackChars { get; init; } = 8000;

    /// <summary>Checks the options; throws with what to fix.</summary>
    public void Validate()
    {
        if (MaxIterations is < 1 or > 100) throw new Core.SmoothException($"the iteration cap must be 1..100 (got {MaxIterations})", null, Core.ExitCodes.BadInput);
        if (PlateauFailures < 0) throw new Core.SmoothException("the plateau threshold cannot be negative", null, Core.ExitCodes.BadInput);
        if (BudgetUsd is <= 0) throw new Core.SmoothException($"--budget-usd must be positive (got {BudgetUsd})", null, Core.ExitCodes.BadInput);
    }
}
